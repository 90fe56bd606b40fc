package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;

/** EPCIS 2.0 JSON-LD, written with Jackson's streaming generator. */
final class EpcisJsonWriter implements EpcisDocumentWriter {
    private final JsonGenerator json;

    EpcisJsonWriter(OutputStream out) throws IOException {
        json = EpcisEvents.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void start(Header header) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("@context");
        json.writeString(EpcisEvents.CONTEXT);
        json.writeStartObject();
        json.writeStringField("cbvmda", EpcisEvents.CBVMDA_NS + ":"); // a JSON-LD prefix: the name follows directly
        json.writeStringField("gs1ushc", EpcisEvents.GS1USHC_NS);
        json.writeEndObject();
        json.writeEndArray();
        json.writeStringField("type", "EPCISDocument");
        json.writeStringField("schemaVersion", "2.0");
        json.writeStringField("creationDate", EpcisEvents.time(header.created()));
        if (header.dscsaTransactionStatement()) {
            json.writeObjectFieldStart("epcisHeader");
            json.writeObjectFieldStart("gs1ushc:dscsaTransactionStatement");
            json.writeStringField("gs1ushc:affirmTransactionStatement", "true");
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeObjectFieldStart("epcisBody");
        json.writeArrayFieldStart("eventList");
    }

    @Override
    public void event(ObjectNode event) throws IOException {
        write(event); // by hand: writeTree goes through the ObjectMapper's serializer lookup per event, 2–3× the cost
    }

    private void write(JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                json.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    json.writeFieldName(f.getKey());
                    write(f.getValue());
                }
                json.writeEndObject();
            }
            case ARRAY -> {
                json.writeStartArray();
                for (JsonNode item : node) {
                    write(item);
                }
                json.writeEndArray();
            }
            case STRING -> json.writeString(node.textValue());
            case BOOLEAN -> json.writeBoolean(node.booleanValue());
            case NULL -> json.writeNull();
            default -> json.writeTree(node); // numbers (their exact kind), binary, POJOs
        }
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
