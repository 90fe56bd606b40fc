package dev.serialtrace.db.epcis;

/** Small EPCIS 2.0 JSON-LD documents written by hand, for import tests with known answers. */
final class JsonLdDocuments {
    private JsonLdDocuments() {
    }

    /** An event of {@code type} at {@code time} (UTC); {@code body} is its remaining fields, each led by a comma. */
    static String event(String type, String time, String action, String body) {
        return "{\"type\":\"" + type + "\",\"eventTime\":\"" + time + "\",\"eventTimeZoneOffset\":\"+00:00\",\"action\":\""
                + action + "\"" + body + "}";
    }

    /** A document holding {@code events} in that order. */
    static String document(String... events) {
        return "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
                + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-03-01T12:00:00.000Z\",\"epcisBody\":{\"eventList\":["
                + String.join(",", events) + "]}}";
    }
}
