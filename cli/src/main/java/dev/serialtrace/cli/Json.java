package dev.serialtrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON output of commands: stable key order, indented; and reading it back (a command run by another). */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    static com.fasterxml.jackson.databind.JsonNode read(String json) throws java.io.IOException {
        return MAPPER.readTree(json);
    }
}
