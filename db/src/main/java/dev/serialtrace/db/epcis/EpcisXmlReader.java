package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * EPCIS XML 2.0 and 1.2 with StAX, one event at a time, mapped onto the 2.0 JSON shape: lists
 * become arrays, typed entries {@code {type, bizTransaction}}, sensor attributes objects, the 1.2
 * {@code extension}/{@code baseExtension} wrappers are unwrapped, and user extensions keep their
 * prefix ({@code "example:myField"}). External entities are refused.
 */
final class EpcisXmlReader implements EpcisReader {
    private static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");
    private static final Set<String> EPC_LISTS = Set.copyOf(EpcisEvents.EPC_LISTS);
    private static final Set<String> QUANTITY_LISTS = Set.copyOf(EpcisEvents.QUANTITY_LISTS);
    private final XMLStreamReader xml;
    private final InputStream in;

    EpcisXmlReader(InputStream in) throws IOException {
        this.in = in;
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            xml = factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new EpcisFormatException("broken XML: " + e.getMessage(), e);
        }
    }

    private final java.util.Map<String, String> namespaces = new java.util.HashMap<>();

    @Override
    public java.util.Map<String, String> namespaces() {
        return namespaces;
    }

    @Override
    public ObjectNode next() throws IOException {
        try {
            while (xml.hasNext()) {
                int t = xml.next();
                if (t == XMLStreamConstants.START_ELEMENT) {
                    for (int i = 0; i < xml.getNamespaceCount(); i++) {
                        if (xml.getNamespacePrefix(i) != null && !xml.getNamespacePrefix(i).isEmpty()) {
                            namespaces.putIfAbsent(xml.getNamespacePrefix(i), xml.getNamespaceURI(i));
                        }
                    }
                }
                if (t == XMLStreamConstants.START_ELEMENT && EVENT_TYPES.contains(xml.getLocalName())
                        && isEpcisElement()) {
                    ObjectNode event = EpcisEvents.MAPPER.createObjectNode();
                    event.put("type", xml.getLocalName());
                    readEventBody(event);
                    return event;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new EpcisFormatException("broken XML at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ": " + e.getMessage(), e);
        }
    }

    /** Events are unqualified in EPCIS XML; a namespaced element of the same name is a user extension. */
    private boolean isEpcisElement() {
        String ns = xml.getNamespaceURI();
        return ns == null || ns.isEmpty() || ns.equals(EpcisEvents.EPCIS2_NS) || ns.equals(EpcisEvents.EPCIS1_NS);
    }

    /** Reads the children of the current element into {@code event} until its end tag. */
    private void readEventBody(ObjectNode event) throws XMLStreamException {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            String prefix = xml.getPrefix();
            boolean qualified = xml.getNamespaceURI() != null && !xml.getNamespaceURI().isEmpty()
                    && !xml.getNamespaceURI().equals(EpcisEvents.EPCIS2_NS) && !xml.getNamespaceURI().equals(EpcisEvents.EPCIS1_NS);
            if (qualified) {
                extension(event, (prefix == null || prefix.isEmpty() ? "ext" : prefix) + ":" + name);
            } else if (name.equals("extension") || name.equals("baseExtension")) {
                readEventBody(event); // EPCIS 1.2 wrappers: their content belongs to the event
            } else if (EPC_LISTS.contains(name)) {
                ArrayNode list = event.withArray(name);
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    list.add(xml.getElementText().trim());
                }
            } else if (QUANTITY_LISTS.contains(name)) {
                ArrayNode list = event.withArray(name);
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    ObjectNode q = list.addObject();
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        String field = xml.getLocalName();
                        String text = xml.getElementText().trim();
                        if (field.equals("quantity") && text.matches("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                            q.put(field, new java.math.BigDecimal(text));
                        } else {
                            q.put(field, text);
                        }
                    }
                }
            } else if (name.equals("readPoint") || name.equals("bizLocation")) {
                ObjectNode o = event.putObject(name);
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    if (xml.getLocalName().equals("id")) {
                        o.put("id", xml.getElementText().trim());
                    } else {
                        skip();
                    }
                }
            } else if (name.equals("bizTransactionList") || name.equals("sourceList") || name.equals("destinationList")) {
                ArrayNode list = event.withArray(name);
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    ObjectNode entry = list.addObject();
                    String type = xml.getAttributeValue(null, "type");
                    String item = xml.getLocalName();
                    if (type != null) {
                        entry.put("type", type);
                    }
                    entry.put(item, xml.getElementText().trim());
                }
            } else if (name.equals("sensorElementList")) {
                ArrayNode list = event.withArray(name);
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    ObjectNode element = list.addObject();
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        String part = xml.getLocalName();
                        if (part.equals("sensorMetadata")) {
                            attributes(element.putObject("sensorMetadata"));
                            skip();
                        } else if (part.equals("sensorReport")) {
                            attributes(element.withArray("sensorReport").addObject());
                            skip();
                        } else {
                            skip();
                        }
                    }
                }
            } else if (name.equals("ilmd")) {
                ObjectNode ilmd = event.putObject("ilmd");
                readIlmd(ilmd);
            } else if (name.equals("errorDeclaration")) {
                ObjectNode d = event.putObject(name);
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    String field = xml.getLocalName();
                    if (field.equals("correctiveEventIDs")) {
                        ArrayNode ids = d.putArray(field);
                        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                            ids.add(xml.getElementText().trim());
                        }
                    } else if (field.equals("declarationTime") || field.equals("reason")) {
                        d.put(field, xml.getElementText().trim());
                    } else {
                        skip();
                    }
                }
            } else if (name.equals("persistentDisposition")) {
                ObjectNode p = event.putObject(name);
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    p.withArray(xml.getLocalName()).add(xml.getElementText().trim());
                }
            } else {
                event.put(name, xml.getElementText().trim());
            }
        }
    }

    private void readIlmd(ObjectNode ilmd) throws XMLStreamException {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.getLocalName().equals("extension") && (xml.getPrefix() == null || xml.getPrefix().isEmpty())) {
                readIlmd(ilmd);
            } else {
                String prefix = xml.getPrefix();
                extension(ilmd, (prefix == null || prefix.isEmpty() ? "ext" : prefix) + ":" + xml.getLocalName());
            }
        }
    }

    /** A user extension element: text, or an object of its children. */
    private void extension(ObjectNode into, String key) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        ObjectNode children = null;
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                if (children == null) {
                    children = EpcisEvents.MAPPER.createObjectNode();
                }
                String prefix = xml.getPrefix();
                extension(children, (prefix == null || prefix.isEmpty() ? key.substring(0, key.indexOf(':')) : prefix)
                        + ":" + xml.getLocalName());
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (children != null) {
            into.set(key, children);
        } else {
            into.put(key, text.toString().trim());
        }
    }

    private void attributes(ObjectNode into) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = xml.getAttributeNamespace(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
                continue;
            }
            String prefix = xml.getAttributePrefix(i);
            String name = prefix == null || prefix.isEmpty() ? xml.getAttributeLocalName(i) : prefix + ":" + xml.getAttributeLocalName(i);
            String value = xml.getAttributeValue(i);
            if (Set.of("value", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue").contains(name)) {
                try {
                    into.put(name, new java.math.BigDecimal(value));
                    continue;
                } catch (NumberFormatException notANumber) {
                    // kept as text; the validator names it
                }
            }
            if (name.equals("booleanValue")) {
                into.put(name, Boolean.parseBoolean(value));
                continue;
            }
            into.put(name, value);
        }
    }

    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            in.close();
        }
    }
}
