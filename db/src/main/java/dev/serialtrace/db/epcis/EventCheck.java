package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.serialtrace.core.epcis.Cbv;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What is wrong with one event, field by field; an empty list means it can be imported. */
final class EventCheck {
    static final Set<String> TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent",
            "AssociationEvent");
    private static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE", "DELETE");

    /** One problem: the field and what is wrong with it. */
    record Problem(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private EventCheck() {
    }

    static List<Problem> check(ObjectNode e) {
        List<Problem> problems = new ArrayList<>();
        String type = e.path("type").asText(e.path("isA").asText(""));
        if (!TYPES.contains(type)) {
            problems.add(new Problem("type", type.isEmpty() ? "missing" : "'" + type + "' is not an EPCIS event type"));
            return problems;
        }
        time(e, "eventTime", true, problems);
        time(e, "recordTime", false, problems);
        String offset = e.path("eventTimeZoneOffset").asText("");
        if (offset.isEmpty()) {
            problems.add(new Problem("eventTimeZoneOffset", "missing"));
        } else {
            try {
                ZoneOffset.of(offset);
            } catch (RuntimeException bad) {
                problems.add(new Problem("eventTimeZoneOffset", "'" + offset + "' is not an offset like +01:00"));
            }
        }
        if (!type.equals("TransformationEvent")) {
            String action = e.path("action").asText("");
            if (!ACTIONS.contains(action)) {
                problems.add(new Problem("action", action.isEmpty() ? "missing" : "'" + action + "' is not ADD, OBSERVE or DELETE"));
            }
        }
        vocabulary(e, "bizStep", Cbv.Vocabulary.BIZ_STEP, problems);
        vocabulary(e, "disposition", Cbv.Vocabulary.DISPOSITION, problems);
        for (String list : EpcisEvents.EPC_LISTS) {
            JsonNode v = e.get(list);
            if (v != null && !v.isArray()) {
                problems.add(new Problem(list, "is not a list"));
            } else if (v != null) {
                for (int i = 0; i < v.size(); i++) {
                    if (!v.get(i).isTextual() || !v.get(i).asText().contains(":")) {
                        problems.add(new Problem(list + "[" + i + "]", "'" + v.get(i).asText() + "' is not a URI"));
                    }
                }
            }
        }
        if (type.equals("AggregationEvent") && !e.path("action").asText().equals("DELETE") && !e.has("parentID")) {
            problems.add(new Problem("parentID", "missing (required unless action is DELETE)"));
        }
        if (type.equals("TransactionEvent") && e.path("bizTransactionList").size() == 0) {
            problems.add(new Problem("bizTransactionList", "missing or empty (a TransactionEvent needs one)"));
        }
        if (e.has("errorDeclaration")) {
            time((ObjectNode) e.get("errorDeclaration"), "declarationTime", true, problems, "errorDeclaration.");
        }
        return problems;
    }

    private static void vocabulary(ObjectNode e, String field, Cbv.Vocabulary vocabulary, List<Problem> problems) {
        String v = e.path(field).asText("");
        if (v.isEmpty()) {
            return;
        }
        boolean cbvSpelling = v.startsWith(Cbv.WEB) || v.startsWith("urn:epcglobal:cbv:") || !v.contains(":");
        if (cbvSpelling && vocabulary.term(v).isEmpty()) {
            problems.add(new Problem(field, "'" + v + "' is not a CBV " + field));
        } else if (cbvSpelling && CbvMapping.term(vocabulary, v).isEmpty()) {
            problems.add(new Problem(field, "'" + v + "' is not in CBV 2.0"));
        }
    }

    private static void time(ObjectNode e, String field, boolean required, List<Problem> problems) {
        time(e, field, required, problems, "");
    }

    private static void time(ObjectNode e, String field, boolean required, List<Problem> problems, String path) {
        String v = e.path(field).asText("");
        if (v.isEmpty()) {
            if (required) {
                problems.add(new Problem(path + field, "missing"));
            }
            return;
        }
        try {
            EpcisEvents.parseTime(v);
        } catch (DateTimeParseException bad) {
            problems.add(new Problem(path + field, "'" + v + "' is not a date-time with offset (e.g. 2024-03-01T10:15:00+01:00)"));
        }
    }
}
