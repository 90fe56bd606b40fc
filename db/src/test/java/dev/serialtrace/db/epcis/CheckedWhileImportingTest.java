package dev.serialtrace.db.epcis;

import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.serialtrace.db.epcis.JsonLdDocuments.document;
import static dev.serialtrace.db.epcis.JsonLdDocuments.event;
import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.EPCIS_EVENT;
import static dev.serialtrace.db.jooq.Tables.LOT;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SYNC_LOG;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import reads the document a second time and writes batches while the first pass still checks
 * it. Here the check pass is held until a batch has been written (not committed), which makes that
 * certain: a bad event the check finds afterwards still means nothing is imported, and a good
 * document commits what was written before the verdict.
 */
class CheckedWhileImportingTest {
    private static final String UNIT_URI = "urn:epc:id:sgtin:0614141.000009.CHECK-1";   // a GTIN the database does not know

    @TempDir
    Path dir;

    @Test
    void aBadEventFoundAfterABatchWasWrittenImportsNothing() throws Exception {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        new ExchangeFixture(db);
        int products = db.fetchCount(PRODUCT);
        int units = db.fetchCount(UNIT);
        int lots = db.fetchCount(LOT);
        Path file = dir.resolve("late-bad.jsonld");
        Files.writeString(file, document(history(event("ObjectEvent", "2026-03-02T14:00:00.000Z", "LOOK",
                ",\"epcList\":[\"" + UNIT_URI + "\"],\"bizStep\":\"inspecting\"")).toArray(String[]::new)));

        HeldCheck held = new HeldCheck();
        EpcisImporter importer = new EpcisImporter(db, Clock.systemUTC());
        importer.verdictHooks(held::batchWritten, held::verdictWaits);
        EpcisImporter.Report r = importer.importFile(file, new EpcisImporter.Options(false, false, "partner", 2), (p, d, t) -> { },
                () -> false);

        assertThat(held.writtenBeforeVerdict).as("batches written before the check's verdict").isPositive();
        assertThat(r.imported()).isZero();
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.failures()).extracting(Object::toString).containsExactly("event #5: action: 'LOOK' is not ADD, OBSERVE or DELETE");
        assertThat(db.fetchCount(CUSTODY_EVENT)).isZero();
        assertThat(db.fetchCount(EPCIS_EVENT)).isZero();
        assertThat(db.fetchCount(UNIT)).isEqualTo(units);
        assertThat(db.fetchCount(PRODUCT)).as("the product the written batch created, rolled back").isEqualTo(products);
        assertThat(db.fetchCount(LOT)).as("and its lot").isEqualTo(lots);
        var log = db.selectFrom(SYNC_LOG).fetchSingle();
        assertThat(log.getStatus().getLiteral()).isEqualTo("failed");
        assertThat(log.getMessage()).isEqualTo("1 of 5 events invalid; nothing imported");
        assertThat(log.getEventsTotal()).isEqualTo(5);
        assertThat(log.getFinishedAt()).isNotNull();
    }

    @Test
    void aGoodDocumentCommitsWhatWasWrittenBeforeTheVerdict() throws Exception {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        new ExchangeFixture(db);
        Path file = dir.resolve("good.jsonld");
        Files.writeString(file, document(history().toArray(String[]::new)));

        HeldCheck held = new HeldCheck();
        EpcisImporter importer = new EpcisImporter(db, Clock.systemUTC());
        importer.verdictHooks(held::batchWritten, held::verdictWaits);
        EpcisImporter.Report r = importer.importFile(file, new EpcisImporter.Options(false, false, "partner", 2), (p, d, t) -> { },
                () -> false);

        assertThat(held.writtenBeforeVerdict).isPositive();
        assertThat(r.failures()).isEmpty();
        assertThat(r.imported()).isEqualTo(4);
        assertThat(db.fetchCount(CUSTODY_EVENT)).isEqualTo(4);
        assertThat(db.selectFrom(UNIT).where(UNIT.SERIAL.eq("CHECK-1")).fetchSingle().getEventCount()).isEqualTo(4);
        var log = db.selectFrom(SYNC_LOG).fetchSingle();
        assertThat(log.getStatus().getLiteral()).isEqualTo("success");
        assertThat(log.getEventsTotal()).isEqualTo(4);
        assertThat(log.getEventsOk()).isEqualTo(4);
        assertThat(new ChainVerifier(db).verifyAll((done, total) -> { }).intact()).isTrue();
    }

    @Test
    void aDocumentBrokenAfterABatchWasWrittenImportsNothingAndSaysWhere() throws Exception {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        new ExchangeFixture(db);
        Path file = dir.resolve("cut-off.jsonld");
        String whole = document(history().toArray(String[]::new));
        Files.writeString(file, whole.substring(0, whole.lastIndexOf('{')));   // the last event cut off mid-way

        HeldCheck held = new HeldCheck();
        EpcisImporter importer = new EpcisImporter(db, Clock.systemUTC());
        importer.verdictHooks(held::batchWritten, held::verdictWaits);
        EpcisFormatException broken = org.junit.jupiter.api.Assertions.assertThrows(EpcisFormatException.class, () -> importer.importFile(
                file, new EpcisImporter.Options(false, false, "partner", 2), (p, d, t) -> { }, () -> false));

        assertThat(held.writtenBeforeVerdict).as("batches written before the check's verdict").isPositive();
        assertThat(broken.getMessage()).contains("nothing imported; sync log #");
        assertThat(db.fetchCount(CUSTODY_EVENT)).isZero();
        assertThat(db.fetchCount(EPCIS_EVENT)).isZero();
        var log = db.selectFrom(SYNC_LOG).fetchSingle();
        assertThat(log.getStatus().getLiteral()).isEqualTo("failed");
        assertThat(log.getMessage()).startsWith("cut-off.jsonld: ");
        assertThat(log.getFinishedAt()).isNotNull();
    }

    /** A new unit's commissioning, receipt, storing and picking, and whatever follows. */
    private static List<String> history(String... after) {
        List<String> events = new ArrayList<>(List.of(
                event("ObjectEvent", "2026-03-02T08:00:00.000Z", "ADD", ",\"epcList\":[\"" + UNIT_URI + "\"],\"bizStep\":\"commissioning\","
                        + "\"disposition\":\"active\",\"ilmd\":{\"cbvmda:lotNumber\":\"CL1\",\"cbvmda:itemExpirationDate\":\"2028-01-31\"}"),
                event("ObjectEvent", "2026-03-02T09:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + UNIT_URI + "\"],\"bizStep\":\"receiving\","
                        + "\"disposition\":\"in_progress\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/D1\"}"),
                event("ObjectEvent", "2026-03-02T10:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + UNIT_URI + "\"],\"bizStep\":\"storing\","
                        + "\"disposition\":\"sellable_accessible\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/F1\"}"),
                event("ObjectEvent", "2026-03-02T11:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + UNIT_URI + "\"],\"bizStep\":\"picking\","
                        + "\"disposition\":\"in_progress\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/F1\"}")));
        events.addAll(List.of(after));
        return events;
    }

    /** Holds the check pass's verdict until the writer has sent a batch's rows (at most ten seconds). */
    private static final class HeldCheck {
        private final CountDownLatch written = new CountDownLatch(1);
        volatile int writtenBeforeVerdict;
        private volatile boolean verdictGiven;

        void batchWritten() {
            if (!verdictGiven) {
                writtenBeforeVerdict++;
            }
            written.countDown();
        }

        void verdictWaits() {
            try {
                written.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            verdictGiven = true;
        }
    }
}
