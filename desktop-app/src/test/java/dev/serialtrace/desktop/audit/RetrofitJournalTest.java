package dev.serialtrace.desktop.audit;

import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.core.identify.ScanParser;
import dev.serialtrace.db.audit.AuditClassifier;
import dev.serialtrace.db.audit.AuditCommands;
import dev.serialtrace.db.audit.AuditFixture;
import dev.serialtrace.db.audit.AuditPlanning;
import dev.serialtrace.db.audit.AuditScan;
import dev.serialtrace.db.audit.AuditScope;
import dev.serialtrace.db.audit.AuditSnapshot;
import dev.serialtrace.db.audit.Classification;
import dev.serialtrace.db.audit.ScanClass;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.UnitLookup;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.serialtrace.db.jooq.Tables.AUDIT_SCAN;
import static dev.serialtrace.db.jooq.Tables.STOCK;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Serials captured from quantity stock during an audit go through the scan journal like every
 * scan: captured while the database refuses connections, they wait on disk and are stored exactly
 * once on reconnect, each creating one unit; a refused serial does not hold up the scans after it.
 */
class RetrofitJournalTest {
    private final PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
    private final DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
    private final AuditFixture w = new AuditFixture(dsl);
    private final Map<Integer, AuditScan> shown = new ConcurrentHashMap<>();
    private ScanPipeline pipeline;

    @AfterEach
    void close() throws Exception {
        allowConnections(true);
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void retrofitsCapturedOfflineAreStoredOnceOnReconnect(@TempDir Path dir) throws Exception {
        AuditCommands commands = new AuditCommands(dsl);
        long auditId = new AuditPlanning(dsl).plan(new AuditScope("NL/A", null, null, "subtree", List.of(w.s1, w.s2)), "ann");
        AuditSnapshot snapshot = commands.start(auditId);
        AuditClassifier classifier = new AuditClassifier(snapshot, new ScanParser(ParserOptions.defaults(Clock.systemUTC())),
                new UnitLookup(dsl, ParserOptions.defaults(Clock.systemUTC())));
        Path journalFile = dir.resolve("audit.journal");
        int expectedBefore = classifier.expectedCount();
        pipeline = new ScanPipeline(classifier, new ScanJournal(journalFile), 0, s -> commands.store(s).scan(), Runnable::run,
                new ScanPipeline.Listener() {
                    @Override
                    public void classified(AuditScan scan, Classification c) {
                        shown.put(scan.seq(), scan.classifiedAs(c));
                    }

                    @Override
                    public void suggested(AuditScan scan, Classification withCandidates) {
                    }

                    @Override
                    public void sending(int waiting, boolean online, String problem) {
                    }
                }, Clock.systemUTC(), 60_000);

        allowConnections(false);
        pipeline.submitRetrofit(auditId, "PMP-7001", false, null, w.s1, w.stock, "serialising");
        pipeline.submitRetrofit(auditId, "PMP-7002", true, "label torn", w.s1, w.stock, "serialising");
        pipeline.flush(30_000);
        assertThat(pipeline.online()).isFalse();
        assertThat(pipeline.waiting()).isEqualTo(2);
        assertThat(shown.get(1).classification()).isEqualTo(ScanClass.RETROFITTED);
        assertThat(new ScanJournal(journalFile).waiting()).as("on disk before it is sent")
                .extracting(AuditScan::rawInput, AuditScan::stockId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PMP-7001", w.stock),
                        org.assertj.core.groups.Tuple.tuple("PMP-7002", w.stock));

        allowConnections(true);
        pipeline.retryNow();
        pipeline.flush(30_000);
        assertThat(pipeline.waiting()).isZero();
        assertThat(dsl.fetchCount(UNIT, UNIT.SERIAL.in("PMP-7001", "PMP-7002").and(UNIT.STOCK_ID.eq(w.stock)))).isEqualTo(2);
        assertThat(dsl.fetchValue(DSL.select(STOCK.QUANTITY).from(STOCK).where(STOCK.ID.eq(w.stock)))).isEqualTo(1);
        assertThat(shown.get(1).unitId()).as("the row learns the new unit").isNotNull();
        assertThat(classifier.foundCount()).isEqualTo(2);
        assertThat(classifier.expectedCount()).isEqualTo(expectedBefore + 2);

        // the acknowledgement was lost: the same scans are sent again — nothing new is created
        for (AuditScan s : new ScanJournal(journalFile).all()) {
            AuditCommands.Stored again = commands.store(s);
            assertThat(again.isNew()).isFalse();
            assertThat(again.scan().classification()).isEqualTo(ScanClass.RETROFITTED);
        }
        assertThat(dsl.fetchCount(UNIT, UNIT.STOCK_ID.eq(w.stock))).isEqualTo(2);
        assertThat(dsl.fetchCount(AUDIT_SCAN, AUDIT_SCAN.CLASSIFICATION.cast(String.class).eq("retrofitted"))).isEqualTo(2);

        // a serial already on file is refused with the reason, and the scan after it is still stored
        pipeline.submitRetrofit(auditId, "PMP-7001", false, null, w.s1, w.stock, "serialising");
        pipeline.submit(auditId, "TVA-1001", false, null, w.s1);
        pipeline.flush(30_000);
        assertThat(shown.get(3).classification()).isEqualTo(ScanClass.INVALID);
        assertThat(shown.get(3).detail()).contains("PMP-7001 is already on file");
        assertThat(shown.get(4).classification()).isEqualTo(ScanClass.MATCHED);
        assertThat(pipeline.waiting()).isZero();
        assertThat(dsl.fetchValue(DSL.select(STOCK.QUANTITY).from(STOCK).where(STOCK.ID.eq(w.stock)))).isEqualTo(1);
    }

    private void allowConnections(boolean allow) throws Exception {
        String admin = "jdbc:postgresql://localhost:" + TestDatabase.port() + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", null); Statement s = c.createStatement()) {
            s.execute("alter database " + ds.getDatabaseName() + " allow_connections " + allow);
            if (!allow) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + ds.getDatabaseName() + "'");
            }
        }
    }
}
