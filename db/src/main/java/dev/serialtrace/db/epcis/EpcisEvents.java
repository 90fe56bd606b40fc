package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The one in-memory shape of an EPCIS event in this package: a Jackson {@code ObjectNode} laid out
 * as EPCIS 2.0 JSON ({@code type}, {@code eventTime}, {@code epcList}, {@code readPoint.id}, …).
 * JSON-LD is read into it as is, XML (2.0 and 1.2) is mapped onto it, both writers write from
 * it, and the event hash is computed from it; so every path agrees on what an event is.
 */
public final class EpcisEvents {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    public static final String EPCIS2_NS = "urn:epcglobal:epcis:xsd:2";
    public static final String EPCIS1_NS = "urn:epcglobal:epcis:xsd:1";
    public static final String CBVMDA_NS = "urn:epcglobal:cbv:mda";
    public static final String GS1USHC_NS = "http://epcis.gs1us.org/hc/ns";
    public static final String LOT = "cbvmda:lotNumber";
    public static final String EXPIRY = "cbvmda:itemExpirationDate";

    /** Event types we read; the order of their fields in the EPCIS 2.0 XML schema. */
    static final Map<String, List<String>> XML_ORDER = Map.of(
            "ObjectEvent", List.of("epcList", "action", "bizStep", "disposition", "readPoint", "bizLocation",
                    "bizTransactionList", "quantityList", "sourceList", "destinationList", "sensorElementList",
                    "persistentDisposition", "ilmd"),
            "AggregationEvent", List.of("parentID", "childEPCs", "action", "bizStep", "disposition", "readPoint",
                    "bizLocation", "bizTransactionList", "childQuantityList", "sourceList", "destinationList",
                    "sensorElementList", "persistentDisposition"),
            "TransactionEvent", List.of("bizTransactionList", "parentID", "epcList", "action", "bizStep", "disposition",
                    "readPoint", "bizLocation", "quantityList", "sourceList", "destinationList", "sensorElementList",
                    "persistentDisposition"),
            "TransformationEvent", List.of("inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList",
                    "transformationID", "bizStep", "disposition", "readPoint", "bizLocation", "bizTransactionList",
                    "sourceList", "destinationList", "sensorElementList", "persistentDisposition", "ilmd"),
            "AssociationEvent", List.of("parentID", "childEPCs", "childQuantityList", "action", "bizStep", "disposition",
                    "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList",
                    "sensorElementList", "persistentDisposition"));

    /** Fields common to every event, in schema order. */
    static final List<String> COMMON_ORDER = List.of("eventTime", "recordTime", "eventTimeZoneOffset", "eventID",
            "errorDeclaration", "certificationInfo");

    static final List<String> EPC_LISTS = List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    static final List<String> QUANTITY_LISTS = List.of("quantityList", "childQuantityList", "inputQuantityList",
            "outputQuantityList");

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private EpcisEvents() {
    }

    /** An xsd:dateTime with an offset: what {@link OffsetDateTime#parse} reads, faster for the usual shapes. */
    public static OffsetDateTime parseTime(String text) {
        OffsetDateTime fast = CopyText.fastParse(text, false);
        return fast != null ? fast : OffsetDateTime.parse(text);
    }

    /** xsd:dateTime with milliseconds and an offset, e.g. {@code 2024-03-01T10:15:00.000+01:00}. */
    public static String time(OffsetDateTime t) {
        if (t.getYear() < 0 || t.getYear() > 9999 || t.getOffset().getTotalSeconds() % 60 != 0) {
            return MILLIS.format(t);
        }
        // by hand: DateTimeFormatter was a tenth of an export's time
        StringBuilder b = new StringBuilder(29);
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2).append('.');
        pad(b, t.getNano() / 1_000_000, 3);
        int offset = t.getOffset().getTotalSeconds();
        if (offset == 0) {
            return b.append('Z').toString();
        }
        b.append(offset < 0 ? '-' : '+');
        offset = Math.abs(offset) / 60;
        pad(b, offset / 60, 2).append(':');
        return pad(b, offset % 60, 2).toString();
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String v = Integer.toString(value);
        for (int i = v.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(v);
    }

    /** The UTC form the event hash uses, e.g. {@code 2024-03-01T09:15:00.000Z}. */
    static String utcMillis(OffsetDateTime t) {
        return time(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static String offset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }
}
