package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.integrity.VerificationReport;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static dev.serialtrace.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fast import path keeps issue 8's guarantees: every imported event goes through the database's
 * triggers (hash chain, unit state), so a full verification after an import finds every chain
 * intact and every event linked; and replays are recognised by eventID as well as by hash.
 */
class ImportIntegrityTest {
    @TempDir
    Path dir;

    private static EpcisImporter.Report importFile(DSLContext db, Path file, int batch) throws Exception {
        return new EpcisImporter(db, Clock.systemUTC()).importFile(file, new EpcisImporter.Options(false, false, "test", batch),
                (p, d, t) -> { }, () -> false);
    }

    @Test
    void afterAnImportInManyBatchesEveryChainVerifiesIntact() throws Exception {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        new ExchangeFixture(db).history();
        Path doc = dir.resolve("doc.jsonld");
        try (OutputStream os = Files.newOutputStream(doc)) {
            SyntheticDocument.write(os, EpcisDocumentWriter.Format.JSONLD, 2_003, "VI");  // 401 units, the last one partly
        }

        // 333 events per batch: units' five events straddle batches, so chains are extended across statements
        EpcisImporter.Report r = importFile(db, doc, 333);

        assertThat(r.imported()).isEqualTo(2_003);
        assertThat(r.custodyEvents()).isEqualTo(2_003);
        VerificationReport verified = new ChainVerifier(db).verifyAll((done, total) -> { });
        assertThat(verified.breaks()).isEmpty();
        assertThat(verified.intact()).isTrue();
        long events = db.fetchCount(CUSTODY_EVENT);
        assertThat(db.fetchCount(CUSTODY_CHAIN)).as("one link per event").isEqualTo(events);
        assertThat(verified.events()).as("events the units count").isEqualTo(events);
        assertThat(db.fetchCount(UNIT, UNIT.SERIAL.like("VI-%").and(UNIT.EVENT_COUNT.eq(5)))).isEqualTo(400);
        assertThat(db.fetchCount(UNIT, UNIT.SERIAL.eq("VI-401").and(UNIT.EVENT_COUNT.eq(3)))).isEqualTo(1);
    }

    @Test
    void anEventIdOtherThanTheHashIsKeptAndRecognisedOnReplayEvenWithOtherContent() throws Exception {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        ObjectNode e = EpcisEvents.MAPPER.createObjectNode();
        e.put("type", "ObjectEvent").put("eventTime", "2026-03-01T10:00:00.000Z").put("eventTimeZoneOffset", "+00:00")
                .put("action", "ADD").put("bizStep", "commissioning").put("eventID", "urn:uuid:6f1c2a0e-9a4b-4c7e-8d2f-1b3c5d7e9f00");
        e.putArray("epcList").add("urn:epc:id:sgtin:9999999.000001.EID-1");
        Path first = dir.resolve("first.jsonld");
        Files.writeString(first, document(e));
        e.put("eventTime", "2026-03-01T10:05:00.000Z");  // same eventID, other content: another hash
        Path second = dir.resolve("second.jsonld");
        Files.writeString(second, document(e));

        assertThat(importFile(db, first, 100).imported()).isEqualTo(1);
        EpcisImporter.Report again = importFile(db, second, 100);

        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(db.select(EPCIS_EVENT.EVENT_ID).from(EPCIS_EVENT).fetchOne(EPCIS_EVENT.EVENT_ID))
                .isEqualTo("urn:uuid:6f1c2a0e-9a4b-4c7e-8d2f-1b3c5d7e9f00");
        assertThat(db.fetchCount(CUSTODY_EVENT)).isEqualTo(1);
    }

    @Test
    void anEventIdThatIsTheHashIsStoredOnceAndStillRecognised() throws Exception {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        Path doc = dir.resolve("doc.jsonld");
        try (OutputStream os = Files.newOutputStream(doc)) {
            SyntheticDocument.write(os, EpcisDocumentWriter.Format.JSONLD, 10, "HS");  // eventID = hash id
        }
        importFile(db, doc, 100);

        assertThat(db.fetchCount(EPCIS_EVENT, EPCIS_EVENT.EVENT_ID.isNotNull())).as("eventID not stored twice").isZero();
        EpcisImporter.Report again = importFile(db, doc, 100);
        assertThat(again.duplicates()).isEqualTo(10);
        assertThat(db.fetchCount(CUSTODY_EVENT)).isEqualTo(10);
    }

    @Test
    void theDatabaseRefusesASecondEventWithAnImportedHashId() throws Exception {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        Path doc = dir.resolve("doc.jsonld");
        try (OutputStream os = Files.newOutputStream(doc)) {
            SyntheticDocument.write(os, EpcisDocumentWriter.Format.JSONLD, 3, "UQ");
        }
        importFile(db, doc, 100);
        String imported = db.select(EPCIS_EVENT.HASH_ID).from(EPCIS_EVENT).limit(1).fetchOne(EPCIS_EVENT.HASH_ID);

        // what a second importer racing the first would write: the hash index's constraint refuses it
        assertThatThrownBy(() -> db.insertInto(EPCIS_EVENT, EPCIS_EVENT.HASH_ID, EPCIS_EVENT.EVENT_TYPE, EPCIS_EVENT.EVENT_TIME,
                        EPCIS_EVENT.PAYLOAD)
                .values(imported, "ObjectEvent", java.time.OffsetDateTime.parse("2026-03-01T10:00:00Z"), "{}").execute())
                .isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("23P01"));
        assertThat(db.fetchCount(EPCIS_EVENT)).isEqualTo(3);
    }

    private static String document(ObjectNode event) {
        return "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
                + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-03-01T12:00:00.000Z\",\"epcisBody\":{\"eventList\":["
                + event + "]}}";
    }
}
