package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** EPCIS 2.0 XML, written with StAX in the element order of GS1's schema. */
final class EpcisXmlWriter implements EpcisDocumentWriter {
    private static final Map<String, String> KNOWN_PREFIXES = Map.of("cbvmda", EpcisEvents.CBVMDA_NS,
            "gs1ushc", EpcisEvents.GS1USHC_NS);
    private final XMLStreamWriter xml;

    EpcisXmlWriter(OutputStream out) throws IOException {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void start(Header header) throws IOException {
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("epcis", "EPCISDocument", EpcisEvents.EPCIS2_NS);
            xml.writeNamespace("epcis", EpcisEvents.EPCIS2_NS);
            xml.writeNamespace("cbvmda", EpcisEvents.CBVMDA_NS);
            xml.writeNamespace("gs1ushc", EpcisEvents.GS1USHC_NS);
            xml.writeAttribute("schemaVersion", "2.0");
            xml.writeAttribute("creationDate", EpcisEvents.time(header.created()));
            if (header.dscsaTransactionStatement()) {
                xml.writeStartElement("EPCISHeader");
                xml.writeStartElement("extension");
                xml.writeStartElement("extension");
                // the 2.0 schema admits only unqualified elements here (##local)
                xml.writeStartElement("dscsaTransactionStatement");
                xml.writeStartElement("affirmTransactionStatement");
                xml.writeCharacters("true");
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeStartElement("EPCISBody");
            xml.writeStartElement("EventList");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void event(ObjectNode event) throws IOException {
        String type = event.path("type").asText();
        List<String> order = EpcisEvents.XML_ORDER.get(type);
        if (order == null) {
            throw new IOException("cannot write an event of type '" + type + "'");
        }
        try {
            xml.writeStartElement(type);
            for (String field : EpcisEvents.COMMON_ORDER) {
                field(field, event.get(field));
            }
            for (String field : order) {
                field(field, event.get(field));
            }
            Iterator<Map.Entry<String, JsonNode>> it = event.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().contains(":") && !e.getKey().startsWith("@")) {
                    extension(e.getKey(), e.getValue());
                }
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void field(String name, JsonNode value) throws XMLStreamException {
        if (value == null || value.isNull()) {
            return;
        }
        switch (name) {
            case "epcList", "childEPCs", "inputEPCList", "outputEPCList" -> {
                xml.writeStartElement(name);
                for (JsonNode epc : value) {
                    text("epc", epc.asText());
                }
                xml.writeEndElement();
            }
            case "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" -> {
                xml.writeStartElement(name);
                for (JsonNode q : value) {
                    xml.writeStartElement("quantityElement");
                    text("epcClass", q.path("epcClass").asText());
                    if (q.has("quantity")) {
                        text("quantity", q.get("quantity").asText());
                    }
                    if (q.has("uom")) {
                        text("uom", q.get("uom").asText());
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            case "readPoint", "bizLocation" -> {
                xml.writeStartElement(name);
                text("id", value.path("id").asText());
                xml.writeEndElement();
            }
            case "bizTransactionList" -> typedList(name, "bizTransaction", value);
            case "sourceList" -> typedList(name, "source", value);
            case "destinationList" -> typedList(name, "destination", value);
            case "sensorElementList" -> {
                xml.writeStartElement(name);
                for (JsonNode element : value) {
                    xml.writeStartElement("sensorElement");
                    if (element.has("sensorMetadata")) {
                        xml.writeEmptyElement("sensorMetadata");
                        attributes(element.get("sensorMetadata"));
                    }
                    for (JsonNode report : element.path("sensorReport")) {
                        xml.writeEmptyElement("sensorReport");
                        attributes(report);
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            case "ilmd" -> {
                xml.writeStartElement(name);
                Iterator<Map.Entry<String, JsonNode>> it = value.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    extension(e.getKey(), e.getValue());
                }
                xml.writeEndElement();
            }
            case "errorDeclaration" -> {
                xml.writeStartElement(name);
                text("declarationTime", value.path("declarationTime").asText());
                if (value.has("reason")) {
                    text("reason", value.get("reason").asText());
                }
                if (value.has("correctiveEventIDs")) {
                    xml.writeStartElement("correctiveEventIDs");
                    for (JsonNode id : value.get("correctiveEventIDs")) {
                        text("correctiveEventID", id.asText());
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            case "persistentDisposition" -> {
                xml.writeStartElement(name);
                for (String part : new String[] {"set", "unset"}) {
                    for (JsonNode v : value.path(part)) {
                        text(part, v.asText());
                    }
                }
                xml.writeEndElement();
            }
            default -> text(name, value.asText());
        }
    }

    private void typedList(String list, String item, JsonNode value) throws XMLStreamException {
        xml.writeStartElement(list);
        for (JsonNode entry : value) {
            xml.writeStartElement(item);
            if (entry.has("type")) {
                xml.writeAttribute("type", entry.get("type").asText());
            }
            xml.writeCharacters(entry.path(item).asText());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void attributes(JsonNode object) throws XMLStreamException {
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().contains(":")) {
                xml.writeAttribute(e.getKey(), e.getValue().asText());
            }
        }
    }

    /** A user extension {@code prefix:name}: an element in that prefix's namespace. */
    private void extension(String qualified, JsonNode value) throws XMLStreamException {
        int colon = qualified.indexOf(':');
        String prefix = colon > 0 ? qualified.substring(0, colon) : "ext";
        String local = qualified.substring(colon + 1);
        String ns = KNOWN_PREFIXES.getOrDefault(prefix, "urn:serialtrace:ext:" + prefix);
        xml.writeStartElement(prefix, local, ns);
        if (!KNOWN_PREFIXES.containsKey(prefix)) {
            xml.writeNamespace(prefix, ns);
        }
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = value.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                extension(e.getKey().contains(":") ? e.getKey() : prefix + ":" + e.getKey(), e.getValue());
            }
        } else {
            xml.writeCharacters(value.asText());
        }
        xml.writeEndElement();
    }

    private void text(String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    @Override
    public void finish() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
