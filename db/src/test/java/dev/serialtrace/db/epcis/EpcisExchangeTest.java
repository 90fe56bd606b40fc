package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import static dev.serialtrace.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;

class EpcisExchangeTest {
    @TempDir
    Path dir;

    private static DSLContext db() {
        return DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
    }

    private Path export(DSLContext dsl, EpcisExporter.Selection selection, EpcisDocumentWriter.Format format, boolean dl)
            throws Exception {
        Path file = dir.resolve("out-" + System.nanoTime() + (format == EpcisDocumentWriter.Format.XML ? ".xml" : ".jsonld"));
        try (var out = Files.newOutputStream(file)) {
            new EpcisExporter(dsl, Clock.systemUTC()).export(selection, new EpcisExporter.Options(format, dl, "partner"), out, n -> { });
        }
        return file;
    }

    /** Everything a custody event says, in terms that do not depend on either database's ids. */
    private static List<String> history(DSLContext dsl) {
        var from = LOCATION.as("f");
        var to = LOCATION.as("t");
        var src = PARTY.as("s");
        var dst = PARTY.as("d");
        var parent = UNIT.as("p");
        return dsl.select(UNIT.GTIN, UNIT.SERIAL, CUSTODY_EVENT.OCCURRED_AT, CUSTODY_EVENT.BIZ_STEP, CUSTODY_EVENT.DISPOSITION,
                        from.PATH, to.PATH, src.NAME, dst.NAME, parent.SERIAL, CUSTODY_EVENT.BIZ_TRANSACTIONS)
                .from(CUSTODY_EVENT).join(UNIT).on(UNIT.ID.eq(CUSTODY_EVENT.UNIT_ID))
                .leftJoin(from).on(from.ID.eq(CUSTODY_EVENT.FROM_LOCATION_ID)).leftJoin(to).on(to.ID.eq(CUSTODY_EVENT.TO_LOCATION_ID))
                .leftJoin(src).on(src.ID.eq(CUSTODY_EVENT.SOURCE_PARTY_ID)).leftJoin(dst).on(dst.ID.eq(CUSTODY_EVENT.DESTINATION_PARTY_ID))
                .leftJoin(parent).on(parent.ID.eq(CUSTODY_EVENT.PARENT_UNIT_ID))
                .orderBy(UNIT.SERIAL, CUSTODY_EVENT.OCCURRED_AT)
                .fetch().stream().map(r -> {
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < r.size(); i++) {
                        Object v = r.get(i);
                        s.append(v instanceof java.time.OffsetDateTime t ? t.toInstant() : v instanceof org.jooq.JSONB j
                                ? j.data().replace(" ", "") : v).append(" | ");
                    }
                    return s.toString();
                }).collect(Collectors.toList());
    }

    private static List<String> unitState(DSLContext dsl) {
        return dsl.select(UNIT.SERIAL, UNIT.STATUS, UNIT.LAST_BIZ_STEP, LOCATION.PATH, UNIT.EVENT_COUNT, LOT.LOT_CODE, LOT.EXPIRY)
                .from(UNIT).leftJoin(LOCATION).on(LOCATION.ID.eq(UNIT.LOCATION_ID)).leftJoin(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                .orderBy(UNIT.SERIAL).fetch().stream().map(Record::toString).toList();
    }

    @Test
    void exportThenImportIntoAFreshDatabaseGivesTheSameHistory() throws Exception {
        for (EpcisDocumentWriter.Format format : EpcisDocumentWriter.Format.values()) {
            for (boolean digitalLink : new boolean[] {false, true}) {
                DSLContext a = db();
                new ExchangeFixture(a).history();
                Path file = export(a, new EpcisExporter.Selection.Between(java.time.LocalDate.of(2026, 1, 1),
                        java.time.LocalDate.of(2026, 12, 31)), format, digitalLink);

                DSLContext b = db();
                new ExchangeFixture(b); // the partner's master data, no units, no history
                EpcisImporter.Report report = new EpcisImporter(b, Clock.systemUTC())
                        .importFile(file, EpcisImporter.Options.defaults("partner"), (p, d, t) -> { }, () -> false);

                assertThat(report.failed()).as(format + " " + report.failures()).isZero();
                assertThat(report.duplicates()).as(format + " " + Files.readString(file)).isZero();
                assertThat(report.imported()).isEqualTo(9);
                assertThat(report.unitsCreated()).isEqualTo(3);
                assertThat(history(b)).as(format + " dl=" + digitalLink).isEqualTo(history(a));
                assertThat(unitState(b)).isEqualTo(unitState(a));
                assertThat(b.fetchCount(SYNC_LOG, SYNC_LOG.DIRECTION.eq("import").and(SYNC_LOG.EVENTS_OK.eq(9)))).isEqualTo(1);
                assertThat(a.fetchCount(SYNC_LOG, SYNC_LOG.DIRECTION.eq("export").and(SYNC_LOG.EVENTS_TOTAL.eq(9)))).isEqualTo(1);
            }
        }
    }

    @Test
    void importingTheSameDocumentTwiceChangesNothing() throws Exception {
        DSLContext a = db();
        new ExchangeFixture(a).history();
        Path file = export(a, new EpcisExporter.Selection.OfLot("LOT-7"), EpcisDocumentWriter.Format.JSONLD, false);
        DSLContext b = db();
        new ExchangeFixture(b);
        EpcisImporter importer = new EpcisImporter(b, Clock.systemUTC());
        importer.importFile(file, EpcisImporter.Options.defaults("p"), (p, d, t) -> { }, () -> false);
        List<String> once = history(b);
        int units = b.fetchCount(UNIT);

        EpcisImporter.Report again = new EpcisImporter(b, Clock.systemUTC())
                .importFile(file, EpcisImporter.Options.defaults("p"), (p, d, t) -> { }, () -> false);

        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(again.events()).isPositive();
        assertThat(history(b)).isEqualTo(once);
        assertThat(b.fetchCount(UNIT)).isEqualTo(units);
        assertThat(b.fetchCount(SYNC_LOG, SYNC_LOG.DIRECTION.eq("import"))).isEqualTo(2);
    }

    @Test
    void theExportCarriesIlmdSensorDataTransactionsAggregationDscsaAndHashIds() throws Exception {
        DSLContext a = db();
        ExchangeFixture f = new ExchangeFixture(a).history();
        Path file = export(a, new EpcisExporter.Selection.OfUnit(f.kit), EpcisDocumentWriter.Format.JSONLD, false);
        JsonNode doc = EpcisEvents.MAPPER.readTree(file.toFile());
        assertThat(doc.at("/epcisHeader/gs1ushc:dscsaTransactionStatement/gs1ushc:affirmTransactionStatement").asText()).isEqualTo("true");
        JsonNode events = doc.at("/epcisBody/eventList");
        assertThat(events).hasSize(3); // kit commissioning, vial packed into it, kit shipped
        JsonNode packed = events.get(1);
        assertThat(packed.path("type").asText()).isEqualTo("AggregationEvent");
        assertThat(packed.path("parentID").asText()).isEqualTo("urn:epc:id:sgtin:0614141.000002.KIT-9");
        assertThat(packed.path("childEPCs").get(0).asText()).isEqualTo("urn:epc:id:sgtin:0614141.000001.SN-1001");
        assertThat(packed.path("action").asText()).isEqualTo("ADD");
        JsonNode sensor = packed.at("/sensorElementList/0/sensorReport/0");
        assertThat(sensor.path("maxValue").decimalValue()).isEqualByComparingTo("9.5");
        assertThat(sensor.path("minValue").decimalValue()).isEqualByComparingTo("4.0");
        JsonNode shipped = events.get(2);
        assertThat(shipped.at("/bizTransactionList/0/type").asText()).isEqualTo("https://ref.gs1.org/cbv/BTT-po");
        assertThat(shipped.at("/bizTransactionList/0/bizTransaction").asText()).isEqualTo("urn:epcglobal:cbv:bt:0614141000005:PO-123");
        assertThat(shipped.at("/destinationList/0/destination").asText()).startsWith("urn:serialtrace:party:St.");
        for (JsonNode e : events) {
            assertThat(e.path("eventID").asText()).isEqualTo(EventHash.of(withoutId(e)));
        }

        Path vialFile = export(a, new EpcisExporter.Selection.OfUnit(f.vial), EpcisDocumentWriter.Format.JSONLD, true);
        JsonNode commissioning = EpcisEvents.MAPPER.readTree(vialFile.toFile()).at("/epcisBody/eventList/0");
        assertThat(commissioning.path("action").asText()).isEqualTo("ADD");
        assertThat(commissioning.at("/epcList/0").asText()).isEqualTo("https://id.gs1.org/01/00614141000012/21/SN-1001");
        assertThat(commissioning.at("/ilmd/cbvmda:lotNumber").asText()).isEqualTo("LOT-7");
        assertThat(commissioning.at("/ilmd/cbvmda:itemExpirationDate").asText()).isEqualTo("2027-06-30");
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode withoutId(JsonNode e) {
        var copy = (com.fasterxml.jackson.databind.node.ObjectNode) e.deepCopy();
        copy.remove("eventID");
        return copy;
    }

    @Test
    void theXmlExportValidatesAgainstGs1sEpcis20Schema() throws Exception {
        DSLContext a = db();
        new ExchangeFixture(a).history();
        Path file = export(a, new EpcisExporter.Selection.Between(java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2026, 12, 31)), EpcisDocumentWriter.Format.XML, false);
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/xsd/2_0_0/EPCglobal-epcis-2_0.xsd"));
        schema.newValidator().validate(new StreamSource(file.toFile())); // throws on any violation
        assertThat(Files.readString(file)).contains("<AggregationEvent>").contains("sensorReport").contains("cbvmda:lotNumber");
    }

    @Test
    void aBrokenXmlExportIsCaughtByTheSchema() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/xsd/2_0_0/EPCglobal-epcis-2_0.xsd"));
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<epcis:EPCISDocument xmlns:epcis='urn:epcglobal:epcis:xsd:2' schemaVersion='2.0' "
                + "creationDate='2026-01-01T00:00:00Z'><EPCISBody><EventList><ObjectEvent><action>OBSERVE</action>"
                + "</ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(bad.toFile())))
                .hasMessageContaining("action");
    }

    @Test
    void badEventsAreNamedAndNothingIsImportedUnlessAskedTo() throws Exception {
        DSLContext b = db();
        new ExchangeFixture(b);
        Path file = dir.resolve("mixed.jsonld");
        Files.writeString(file, """
                {"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-01-01T00:00:00Z","epcisBody":{"eventList":[
                 {"type":"ObjectEvent","eventTime":"2026-01-02T10:00:00+01:00","eventTimeZoneOffset":"+01:00","action":"OBSERVE",
                  "bizStep":"receiving","disposition":"in_progress","epcList":["urn:epc:id:sgtin:0614141.300000.A1"]},
                 {"type":"ObjectEvent","eventID":"urn:uuid:bad-1","eventTime":"yesterday","eventTimeZoneOffset":"+01:00",
                  "action":"OBSERVE","epcList":["urn:epc:id:sgtin:0614141.300000.A2"]},
                 {"type":"ObjectEvent","eventTime":"2026-01-02T11:00:00+01:00","eventTimeZoneOffset":"+01:00","action":"LOOK",
                  "bizStep":"flying","epcList":["urn:epc:id:sgtin:0614141.300000.A3"]}
                ]}}""");
        EpcisImporter.Report refused = new EpcisImporter(b, Clock.systemUTC())
                .importFile(file, EpcisImporter.Options.defaults("p"), (p, d, t) -> { }, () -> false);
        assertThat(refused.imported()).isZero();
        assertThat(refused.failed()).isEqualTo(2);
        assertThat(refused.failures()).extracting(Object::toString).containsExactly(
                "event #2: eventTime: 'yesterday' is not a date-time with offset (e.g. 2024-03-01T10:15:00+01:00) — eventID urn:uuid:bad-1",
                "event #3: action: 'LOOK' is not ADD, OBSERVE or DELETE",
                "event #3: bizStep: 'flying' is not in CBV 2.0");
        assertThat(b.fetchCount(CUSTODY_EVENT)).isZero();
        assertThat(b.fetchCount(UNIT)).isZero();
        assertThat(b.fetchOne(SYNC_LOG).getStatus().getLiteral()).isEqualTo("failed");

        EpcisImporter.Report partial = new EpcisImporter(b, Clock.systemUTC())
                .importFile(file, new EpcisImporter.Options(false, true, "p", 100), (p, d, t) -> { }, () -> false);
        assertThat(partial.imported()).isEqualTo(1);
        assertThat(partial.status()).isEqualTo(SyncLog.Status.partial);
        assertThat(b.fetchCount(CUSTODY_EVENT)).isEqualTo(1);
    }

    @Test
    void aDryRunWritesNothing() throws Exception {
        DSLContext a = db();
        new ExchangeFixture(a).history();
        Path file = export(a, new EpcisExporter.Selection.OfLot("LOT-7"), EpcisDocumentWriter.Format.XML, false);
        DSLContext b = db();
        new ExchangeFixture(b);
        EpcisImporter.Report dry = new EpcisImporter(b, Clock.systemUTC())
                .importFile(file, new EpcisImporter.Options(true, false, "p", 100), (p, d, t) -> { }, () -> false);
        assertThat(dry.imported()).isEqualTo(dry.events()).isPositive();
        assertThat(b.fetchCount(CUSTODY_EVENT)).isZero();
        assertThat(b.fetchCount(SYNC_LOG)).isZero();
    }

    @Test
    void aRecallExportsTheHistoryOfExactlyTheRecalledUnits() throws Exception {
        DSLContext a = db();
        new ExchangeFixture(a).history();
        long lotEvents = a.fetchCount(CUSTODY_EVENT.join(UNIT).on(UNIT.ID.eq(CUSTODY_EVENT.UNIT_ID)).join(LOT).on(LOT.ID.eq(UNIT.LOT_ID)),
                LOT.LOT_CODE.eq("LOT-7"));
        Path byLot = export(a, new EpcisExporter.Selection.OfRecall(dev.serialtrace.db.unit.RecallQuery.Scope.lot("LOT-7", null)),
                EpcisDocumentWriter.Format.JSONLD, false);
        String doc = Files.readString(byLot);
        assertThat(doc).contains("SN-1001").contains("SN-1002");
        assertThat(doc.split("\"eventID\"", -1).length - 1).isEqualTo((int) lotEvents).isPositive();

        // a serial range names one of the two vials: only its events (and the kit's packing of it, which is its event)
        Path oneVial = export(a, new EpcisExporter.Selection.OfRecall(
                dev.serialtrace.db.unit.RecallQuery.Scope.serialRange("VIAL-10", "SN-1001", "SN-1001")), EpcisDocumentWriter.Format.XML, false);
        String xml = Files.readString(oneVial);
        assertThat(xml).contains("SN-1001").doesNotContain("SN-1002");
        assertThat(a.fetchValue("select message from sync_log order by id desc limit 1").toString()).startsWith("recall ");
    }
}
