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

    /** xsd:dateTime with milliseconds and an offset, e.g. {@code 2024-03-01T10:15:00.000+01:00}. */
    public static String time(OffsetDateTime t) {
        return MILLIS.format(t);
    }

    /** The UTC form the event hash uses, e.g. {@code 2024-03-01T09:15:00.000Z}. */
    static String utcMillis(OffsetDateTime t) {
        return MILLIS.format(t.withOffsetSameInstant(ZoneOffset.UTC)).replace("+00:00", "Z");
    }

    static String offset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }
}
