package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.serialtrace.core.epcis.Cbv;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The GS1 event hash id (CBV 2.0 §8.9, "EPCIS event hash"): a pre-hash string of the event's
 * fields in the standard's order — {@code key=value} pairs concatenated without separators, list
 * items sorted, times in UTC with milliseconds, EPCs as canonical GS1 Digital Link URIs, CBV values
 * as web URIs, numbers without superfluous zeros, user extensions last and sorted — hashed with
 * SHA-256: {@code ni:///sha-256;<hex>?ver=CBV2.0}. recordTime, eventID and errorDeclaration are
 * left out, so the same observation reported twice hashes the same.
 */
public final class EventHash {
    private static final List<String> ORDER = List.of("epcList", "parentID", "inputEPCList", "childEPCs", "quantityList",
            "childQuantityList", "inputQuantityList", "outputEPCList", "outputQuantityList", "action", "transformationID",
            "bizStep", "disposition", "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList",
            "sourceList", "destinationList", "sensorElementList", "ilmd");
    private static final Set<String> IGNORED = Set.of("type", "eventTime", "eventTimeZoneOffset", "recordTime", "eventID",
            "errorDeclaration", "@context", "certificationInfo", "isA");
    private static final List<String> META_ORDER = List.of("time", "startTime", "endTime", "deviceID", "deviceMetadata",
            "rawData", "dataProcessingMethod", "bizRules");
    private static final List<String> REPORT_ORDER = List.of("type", "exception", "deviceID", "deviceMetadata", "rawData",
            "dataProcessingMethod", "time", "microorganism", "chemicalSubstance", "value", "component", "stringValue",
            "booleanValue", "hexBinaryValue", "uriValue", "minValue", "maxValue", "meanValue", "sDev", "percRank",
            "percValue", "uom", "coordinateReferenceSystem");

    /** The namespace prefix our documents (and GS1's examples) use for master-data attributes, with the namespace the hash names. */
    private static final Map<String, String> NAMESPACES = Map.of("cbvmda", EpcisEvents.CBVMDA_NS + ":");

    private EventHash() {
    }

    public static String of(ObjectNode event) {
        return of(event, Map.of());
    }

    /** @param namespaces the prefixes the document declares ({@link EpcisReader#namespaces()}), for extension names */
    public static String of(ObjectNode event, Map<String, String> namespaces) {
        return "ni:///sha-256;" + HexFormat.of().formatHex(sha256(preHash(event, namespaces))) + "?ver=CBV2.0";
    }

    static String preHash(ObjectNode e) {
        return preHash(e, Map.of());
    }

    static String preHash(ObjectNode e, Map<String, String> ns) {
        StringBuilder s = new StringBuilder(256);
        s.append("eventType=").append(e.path("type").asText());
        s.append("eventTime=").append(EpcisEvents.utcMillis(EpcisEvents.parseTime(e.path("eventTime").asText())));
        s.append("eventTimeZoneOffset=").append(e.path("eventTimeZoneOffset").asText());
        for (String field : ORDER) {
            JsonNode v = e.get(field);
            if (v == null || v.isNull()) {
                continue;
            }
            switch (field) {
                case "epcList", "inputEPCList", "childEPCs", "outputEPCList" -> {
                    List<String> items = new ArrayList<>();
                    v.forEach(epc -> items.add("epc=" + EpcUris.canonical(epc.asText())));
                    sorted(s, field, items);
                }
                case "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" -> {
                    List<String> items = new ArrayList<>();
                    for (JsonNode q : v) {
                        StringBuilder item = new StringBuilder("quantityElement");
                        item.append("epcClass=").append(EpcUris.canonical(q.path("epcClass").asText()));
                        if (q.has("quantity")) {
                            item.append("quantity=").append(number(q.get("quantity").asText()));
                        }
                        if (q.has("uom")) {
                            item.append("uom=").append(q.get("uom").asText());
                        }
                        items.add(item.toString());
                    }
                    sorted(s, field, items);
                }
                case "parentID" -> s.append("parentID=").append(EpcUris.canonical(v.asText()));
                case "bizStep" -> s.append("bizStep=").append(Cbv.Vocabulary.BIZ_STEP.canonical(v.asText()));
                case "disposition" -> s.append("disposition=").append(Cbv.Vocabulary.DISPOSITION.canonical(v.asText()));
                case "persistentDisposition" -> {
                    s.append(field);
                    for (String part : new String[] {"set", "unset"}) {
                        List<String> items = new ArrayList<>();
                        v.path(part).forEach(d -> items.add(part + "=" + Cbv.Vocabulary.DISPOSITION.canonical(d.asText())));
                        items.sort(null);
                        items.forEach(s::append);
                    }
                }
                case "readPoint", "bizLocation" -> s.append(field).append("id=").append(EpcUris.canonical(v.path("id").asText()));
                case "bizTransactionList" -> typed(s, field, "bizTransaction", v, Cbv.Vocabulary.BIZ_TRANSACTION_TYPE);
                case "sourceList" -> typed(s, field, "source", v, Cbv.Vocabulary.SOURCE_DESTINATION_TYPE);
                case "destinationList" -> typed(s, field, "destination", v, Cbv.Vocabulary.SOURCE_DESTINATION_TYPE);
                case "sensorElementList" -> {
                    List<String> items = new ArrayList<>();
                    for (JsonNode element : v) {
                        StringBuilder item = new StringBuilder("sensorElement");
                        if (element.has("sensorMetadata")) {
                            item.append("sensorMetadata").append(ordered(element.get("sensorMetadata"), META_ORDER, ns));
                        }
                        List<String> reports = new ArrayList<>();
                        element.path("sensorReport").forEach(r -> reports.add("sensorReport" + ordered(r, REPORT_ORDER, ns)));
                        reports.sort(null);
                        reports.forEach(item::append);
                        items.add(item.toString());
                    }
                    // the reference implementation writes the elements without the list's own name
                    sorted(s, "", items);
                }
                case "ilmd" -> s.append(generic("ilmd", v, ns));
                case "transformationID" -> s.append(field).append('=').append(EpcUris.canonical(v.asText()));
                default -> s.append(field).append('=').append(v.asText());
            }
        }
        List<String> rest = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = e.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!IGNORED.contains(f.getKey()) && !ORDER.contains(f.getKey())) {
                rest.add(generic(f.getKey(), f.getValue(), ns));
            }
        }
        rest.sort(null);
        rest.forEach(s::append);
        return s.toString();
    }

    private static void typed(StringBuilder s, String list, String item, JsonNode v, Cbv.Vocabulary types) {
        List<String> items = new ArrayList<>();
        for (JsonNode entry : v) {
            String value = item + "=" + EpcUris.canonical(entry.path(item).asText());
            // type first, as the reference implementation does (and as CBV 2.0 §8.9.2 lists the attribute)
            items.add(entry.has("type") ? "type=" + types.canonical(entry.get("type").asText()) + value : value);
        }
        sorted(s, list, items);
    }

    private static String ordered(JsonNode object, List<String> order, Map<String, String> ns) {
        StringBuilder s = new StringBuilder();
        for (String key : order) {
            JsonNode v = object.get(key);
            if (v != null && !v.isNull()) {
                s.append(key).append('=').append(value(key, v.asText()));
            }
        }
        List<String> rest = new ArrayList<>();
        object.fields().forEachRemaining(f -> {
            if (!order.contains(f.getKey())) {
                rest.add(generic(f.getKey(), f.getValue(), ns));
            }
        });
        rest.sort(null);
        rest.forEach(s::append);
        return s.toString();
    }

    private static String generic(String rawKey, JsonNode v, Map<String, String> ns) {
        String key = expand(rawKey, ns);
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            v.fields().forEachRemaining(f -> parts.add(generic(f.getKey(), f.getValue(), ns)));
            parts.sort(null);
            return key + String.join("", parts);
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(item -> parts.add(generic(rawKey, item, ns)));
            parts.sort(null);
            return String.join("", parts);
        }
        return key + "=" + value(rawKey, v.asText());
    }

    /**
     * A compact extension name ({@code cbvmda:lotNumber}) as the reference implementation writes
     * it: {@code {urn:epcglobal:cbv:mda:}lotNumber}, with the prefixes the document declares
     * (JSON-LD {@code @context}, XML namespace declarations) and {@link #NAMESPACES}.
     */
    static String expand(String key, Map<String, String> declared) {
        int colon = key.indexOf(':');
        if (colon <= 0 || key.startsWith("http")) {
            return key;
        }
        String prefix = key.substring(0, colon);
        String ns = declared.getOrDefault(prefix, NAMESPACES.get(prefix));
        return ns == null ? key : "{" + ns + "}" + key.substring(colon + 1);
    }

    private static String value(String key, String text) {
        if (key.equals("type") && text.startsWith("gs1:")) {
            return "https://ref.gs1.org/voc/" + text.substring(4);
        }
        if (key.equals("type") && !text.contains(":")) {
            return "https://ref.gs1.org/voc/" + text; // a bare sensor measurement type
        }
        if (key.toLowerCase().contains("time") && !key.toLowerCase().contains("offset")) {
            try {
                return EpcisEvents.utcMillis(EpcisEvents.parseTime(text));
            } catch (RuntimeException notATime) {
                return text;
            }
        }
        return number(EpcUris.canonical(text));
    }

    private static String number(String text) {
        if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-' || text.charAt(0) == '+')) {
            return text;
        }
        try {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    private static void sorted(StringBuilder s, String name, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        items.sort(null);
        s.append(name);
        items.forEach(s::append);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
