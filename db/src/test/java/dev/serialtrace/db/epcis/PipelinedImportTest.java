package dev.serialtrace.db.epcis;

import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.serialtrace.db.epcis.JsonLdDocuments.document;
import static dev.serialtrace.db.epcis.JsonLdDocuments.event;
import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.EPCIS_EVENT;
import static dev.serialtrace.db.jooq.Tables.LOT;
import static dev.serialtrace.db.jooq.Tables.PARTY;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch is prepared while the one before it is still being written, so it reads a database that
 * does not yet hold that one's events. Here the writer is held until the next batch is prepared,
 * which makes that certain, and the second batch depends on the first in every way the importer
 * reads: a unit's latest event and status, a unit and a product the first creates, an event it
 * imports (repeated, and declared in error), a party it names for the first time.
 */
class PipelinedImportTest {
    private static final String A = "urn:epc:id:sgtin:0614141.000001.PIPE-A";   // a vial, in the database before
    private static final String B = "urn:epc:id:sgtin:0614141.000009.PIPE-B";   // a GTIN the database does not know
    private static final String PARTNER = "https://id.gs1.org/417/0614141999998";

    @TempDir
    Path dir;

    @Test
    void aBatchPreparedBeforeTheOneAheadCommitsSeesWhatThatOneWrites() throws Exception {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        new ExchangeFixture(db);   // site NL with its dock NL/D1 and fridge NL/F1; the vial's GTIN
        Path before = dir.resolve("before.jsonld");
        Files.writeString(before, document(
                event("ObjectEvent", "2026-03-02T07:00:00.000Z", "ADD", ",\"epcList\":[\"" + A + "\"],\"bizStep\":\"commissioning\","
                        + "\"disposition\":\"active\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/D1\"}")));
        assertThat(new EpcisImporter(db, Clock.systemUTC()).importFile(before, EpcisImporter.Options.defaults("t"), (p, d, t) -> { },
                () -> false).imported()).isEqualTo(1);

        String received = event("ObjectEvent", "2026-03-02T12:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + A + "\"],"
                + "\"bizStep\":\"receiving\",\"disposition\":\"in_progress\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/F1\"},"
                + "\"sourceList\":[{\"type\":\"owning_party\",\"source\":\"" + PARTNER + "\"}]");
        String commissionedB = event("ObjectEvent", "2026-03-02T08:30:00.000Z", "ADD", ",\"epcList\":[\"" + B + "\"],"
                + "\"bizStep\":\"commissioning\",\"disposition\":\"active\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/D1\"},"
                + "\"ilmd\":{\"cbvmda:lotNumber\":\"PL1\",\"cbvmda:itemExpirationDate\":\"2028-01-31\"}");
        Path file = dir.resolve("partner.jsonld");
        Files.writeString(file, document(
                // batch 1
                received,
                commissionedB,
                event("ObjectEvent", "2026-03-02T09:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + B + "\"],\"bizStep\":\"storing\","
                        + "\"disposition\":\"sellable_accessible\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/F1\"}"),
                // batch 2: before A's receipt in batch 1 and without a disposition (A keeps the one batch 1 gives it)
                event("ObjectEvent", "2026-03-02T10:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + A + "\"],\"bizStep\":\"storing\","
                        + "\"destinationList\":[{\"type\":\"owning_party\",\"destination\":\"" + PARTNER + "\"}]"),
                commissionedB,
                received.substring(0, received.length() - 1)
                        + ",\"errorDeclaration\":{\"declarationTime\":\"2026-03-03T09:00:00.000Z\",\"reason\":\"incorrect_data\"}}",
                // batch 3, prepared while batch 2 is held
                event("ObjectEvent", "2026-03-02T13:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + B + "\"],\"bizStep\":\"shipping\","
                        + "\"disposition\":\"in_transit\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/D1\"}")));

        EpcisImporter importer = new EpcisImporter(db, Clock.systemUTC());
        AtomicInteger prepared = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        List<Integer> storedWhenPrepared = new CopyOnWriteArrayList<>();
        importer.overlapHooks(() -> {
            storedWhenPrepared.add(db.fetchCount(EPCIS_EVENT));
            prepared.incrementAndGet();
        }, () -> {
            // hold batch k until batch k + 1 is prepared (the last one has none: it waits a moment)
            int k = written.incrementAndGet();
            long until = System.currentTimeMillis() + 2_000;
            while (prepared.get() <= k && System.currentTimeMillis() < until) {
                Thread.onSpinWait();
            }
        });
        EpcisImporter.Report r = importer.importFile(file, new EpcisImporter.Options(false, false, "partner", 3),
                (p, d, t) -> { }, () -> false);

        assertThat(storedWhenPrepared).as("EPCIS events stored when each batch was prepared").containsExactly(1, 1, 4);
        assertThat(r.failures()).isEmpty();
        assertThat(importer.batchesRetried()).as("batches the database refused, written again event by event").isZero();
        assertThat(r.imported()).isEqualTo(6);
        assertThat(r.duplicates()).as("B's commissioning, repeated").isEqualTo(1);

        Record storedA = db.selectFrom(CUSTODY_EVENT).where(CUSTODY_EVENT.UNIT_ID.eq(unit("PIPE-A", db)))
                .and(CUSTODY_EVENT.OCCURRED_AT.eq(at(10))).fetchOne();
        assertThat(storedA.get(CUSTODY_EVENT.IS_OUT_OF_ORDER)).as("before the receipt batch 1 recorded").isTrue();
        assertThat(storedA.get(CUSTODY_EVENT.FLAG_REASON)).contains("occurred before the unit's latest event");
        assertThat(storedA.get(CUSTODY_EVENT.DISPOSITION)).as("kept from batch 1's receipt").isEqualTo(Disposition.in_progress);

        var receipts = db.select(CUSTODY_EVENT.ID, CUSTODY_EVENT.CORRECTS_EVENT_ID).from(CUSTODY_EVENT)
                .where(CUSTODY_EVENT.UNIT_ID.eq(unit("PIPE-A", db))).and(CUSTODY_EVENT.OCCURRED_AT.eq(at(12)))
                .orderBy(CUSTODY_EVENT.ID).fetch();
        assertThat(receipts).hasSize(2);
        assertThat(receipts.get(1).value2()).as("the error declaration corrects batch 1's receipt").isEqualTo(receipts.get(0).value1());

        var b = db.selectFrom(UNIT).where(UNIT.SERIAL.eq("PIPE-B")).fetchSingle();
        assertThat(b.getEventCount()).isEqualTo(3);
        assertThat(b.getStatus()).isEqualTo(Disposition.in_transit);
        assertThat(db.fetchCount(PRODUCT, PRODUCT.GTIN.eq(b.getGtin()))).as("B's product, created once").isEqualTo(1);
        assertThat(db.fetchCount(LOT, LOT.LOT_CODE.eq("PL1"))).isEqualTo(1);
        assertThat(db.fetchCount(PARTY, PARTY.GLN.eq("0614141999998"))).as("the partner, created once").isEqualTo(1);
        assertThat(db.select(UNIT.EVENT_COUNT).from(UNIT).where(UNIT.SERIAL.eq("PIPE-A")).fetchOne(UNIT.EVENT_COUNT)).isEqualTo(4);
        assertThat(new ChainVerifier(db).verifyAll((done, total) -> { }).intact()).isTrue();
    }

    private static long unit(String serial, DSLContext db) {
        return db.select(UNIT.ID).from(UNIT).where(UNIT.SERIAL.eq(serial)).fetchSingle(UNIT.ID);
    }

    private static OffsetDateTime at(int hour) {
        return OffsetDateTime.of(2026, 3, 2, hour, 0, 0, 0, ZoneOffset.UTC);
    }
}
