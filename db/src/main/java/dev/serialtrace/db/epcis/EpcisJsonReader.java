package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** EPCIS 2.0 JSON-LD: streams to {@code eventList} (document or query document) and reads one event tree at a time. */
final class EpcisJsonReader implements EpcisReader {
    private final JsonParser json;
    private boolean inList;
    private boolean done;
    private final Map<String, String> namespaces = new HashMap<>();

    EpcisJsonReader(InputStream in) throws IOException {
        json = EpcisEvents.MAPPER.getFactory().createParser(in);
    }

    @Override
    public ObjectNode next() throws IOException {
        try {
            if (done) {
                return null;
            }
            if (!inList && !seekEventList()) {
                done = true;
                return null;
            }
            JsonToken t = json.nextToken();
            if (t == JsonToken.END_ARRAY) {
                inList = false;
                return next();
            }
            if (t != JsonToken.START_OBJECT) {
                throw new EpcisFormatException("eventList holds a " + t + " where an event object was expected, at "
                        + where());
            }
            JsonNode event = json.readValueAsTree();
            return (ObjectNode) event;
        } catch (JsonProcessingException e) {
            throw new EpcisFormatException("broken JSON at " + where() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Map<String, String> namespaces() {
        return namespaces;
    }

    private boolean seekEventList() throws IOException {
        JsonToken t;
        while ((t = json.nextToken()) != null) {
            if (t == JsonToken.FIELD_NAME && json.currentName().equals("@context") && json.getParsingContext().getParent().inRoot()) {
                json.nextToken();
                JsonNode context = json.readValueAsTree();
                for (JsonNode entry : context.isArray() ? context : List.of(context)) {
                    entry.fields().forEachRemaining(f -> {
                        if (f.getValue().isTextual()) {
                            namespaces.put(f.getKey(), f.getValue().asText());
                        }
                    });
                }
                continue;
            }
            if (t == JsonToken.FIELD_NAME && json.currentName().equals("eventList")) {
                if (json.nextToken() != JsonToken.START_ARRAY) {
                    throw new EpcisFormatException("eventList is not an array, at " + where());
                }
                inList = true;
                return true;
            }
        }
        return false;
    }

    private String where() {
        var loc = json.currentLocation();
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
