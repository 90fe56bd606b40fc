package dev.serialtrace.db.demo;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills an empty, migrated database with a deterministic demo warehouse: two sites, electronics,
 * kits, pharma with a cold chain, medical devices and firearms, with full unit lifecycles, returns,
 * warranty claims, capture errors, spot audits and partner syncs. The same options always give the
 * same data: every random choice comes from one seeded generator and every time from {@code asOf}.
 *
 * <p>Rows are bulk-loaded with COPY, in batches of units followed by their events, so the
 * database's event trigger derives each batch's current state exactly as in production. The whole
 * load is one transaction: it either completes or leaves the database empty, ready for a retry.
 */
public final class DemoDataGenerator {

    public record Options(long units, long seed, LocalDate asOf) {
        public Options {
            if (units < 1 || units > 50_000_000) {
                throw new IllegalArgumentException("units must be between 1 and 50,000,000: " + units);
            }
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    @FunctionalInterface
    public interface Progress {
        void update(String phase, long done, long total);
    }

    public record Summary(long units, long events, Duration elapsed) {}

    private static final List<String> IDENTITY_TABLES = List.of("party", "format_rule", "product", "site", "location",
            "lot", "stock", "unit", "sales_order", "shipment", "return_authorisation", "warranty_claim", "spot_audit",
            "audit_scan", "audit_discrepancy", "signature", "capture_exception", "sync_log");

    private final DataSource dataSource;

    public DemoDataGenerator(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource);
    }

    /** Refuses (IllegalStateException with a clear message) when the database already holds units. */
    public Summary generate(Options options, Progress progress) {
        long started = System.nanoTime();
        Progress report = progress == null ? (phase, done, total) -> { } : progress;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            tuneSession(c);
            refuseNonEmpty(c);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();

            long lastDay = options.asOf().toEpochDay();
            int months = (int) Math.max(6, Math.min(36, (options.units() + 9_999) / 10_000));
            long firstDay = options.asOf().minusMonths(months).toEpochDay();
            report.update("master data", 0, 1);
            try (PreparedStatement ps = c.prepareStatement("select ensure_custody_partitions(?, ?)")) {
                ps.setObject(1, LocalDate.ofEpochDay(firstDay).minusMonths(1));
                ps.setObject(2, options.asOf().plusMonths(1));
                ps.execute();
            }
            MasterData master = new MasterData(options.seed(), firstDay, lastDay, months);
            master.copyTo(copy);
            report.update("master data", 1, 1);

            BulkLoadTuning tuning = new BulkLoadTuning();
            tuning.relax(c);
            Lifecycles lifecycles = new Lifecycles(master, options.seed(), options.units());
            loadUnits(copy, lifecycles, options.units(), report);

            report.update("cold chain and partner syncs", 0, 1);
            ColdChain.readings(master, options.seed()).copyTo(copy);
            SyncHistory.rows(master, options.seed()).copyTo(copy);
            report.update("cold chain and partner syncs", 1, 1);

            report.update("indexes and constraints", 0, 1);
            tuning.restore(c);
            try (Statement s = c.createStatement()) {
                // statistics for the audit queries below; autovacuum analyzes the rest after commit
                s.execute("analyze unit, shipment, shipment_unit");
            }
            report.update("indexes and constraints", 1, 1);

            report.update("spot audits", 0, 1);
            new SpotAudits(c, master, lifecycles.ids(), options.seed()).run(copy);
            report.update("spot audits", 1, 1);

            report.update("finishing", 0, 1);
            long events = finish(c, lifecycles.ids().event);
            report.update("finishing", 1, 1);
            return new Summary(options.units(), events, Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException e) {
            throw new IllegalStateException("demo data generation failed: " + e.getMessage(), e);
        }
    }

    /**
     * Generates batch n+1 on a second thread while PostgreSQL ingests batch n: on two cores the
     * Java side and the database side then overlap instead of taking turns.
     */
    private void loadUnits(CopyManager copy, Lifecycles lifecycles, long total, Progress report)
            throws SQLException {
        ExecutorService producer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "demo-data-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            report.update("units", 0, total);
            Future<Batch> next = producer.submit(lifecycles::nextBatch);
            long done = 0;
            while (next != null) {
                Batch batch = next.get();
                next = lifecycles.hasMore() ? producer.submit(lifecycles::nextBatch) : null;
                batch.copyTo(copy);
                done += batch.unitCount;
                report.update("units", done, total);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo data generation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("demo data generation failed", e.getCause());
        } finally {
            producer.shutdownNow();
        }
    }

    private static void tuneSession(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // losing the last commits on a crash is harmless here: the demo load is rerun from scratch
            s.execute("set synchronous_commit = off");
            s.execute("set work_mem = '256MB'");
            s.execute("set maintenance_work_mem = '1GB'");
            // the audit queries repeat with other shelves and times; a generic plan cannot prune
            // partitions by time and would scan the whole history each time
            s.execute("set plan_cache_mode = force_custom_plan");
        }
    }

    private static void refuseNonEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select exists (select 1 from unit), exists (select 1 from party)")) {
            rs.next();
            if (rs.getBoolean(1)) {
                throw new IllegalStateException("the database already holds units; demo data is only generated into an empty database");
            }
            if (rs.getBoolean(2)) {
                throw new IllegalStateException("the database already holds master data (parties); demo data is only generated into an empty database");
            }
        }
    }

    /** Aggregates the load's triggers update in place (the others are only appended to): small once compacted. */
    private static final List<String> UPSERTED_AGGREGATES = List.of("kpi_daily", "kpi_capture_mix", "kpi_shipped_dim",
            "kpi_daily_month", "kpi_capture_mix_month", "kpi_loss_zone");

    /**
     * Identity columns and the event sequence continue after the ids we assigned; statistics are fresh and
     * the aggregates the load updated in place carry no dead row versions.
     */
    private static long finish(Connection c, long lastEventId) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : IDENTITY_TABLES) {
                s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce(max(id), 0) + 1, false) from " + table);
            }
            s.execute("select setval('custody_event_id_seq', greatest(" + lastEventId + ", (select coalesce(max(id), 0) from custody_event)) + 1, false)");
            c.commit();
            // the KPI counters were upserted once per load statement: at 10M units kpi_daily held 13M dead row
            // versions. A plain vacuum frees them but leaves the table at 943 MB for 331k rows (25 MB compacted),
            // and a dashboard read right after a start read those pages from disk (a first drill-down: 857 ms).
            // Rewritten, they take seconds even at 10M. kpi_capture_event is only appended to; its vacuum sets
            // the visibility map, so a capture-mix drill-down reads its index alone.
            c.setAutoCommit(true);
            s.execute("vacuum (full, analyze) " + String.join(", ", UPSERTED_AGGREGATES));
            s.execute("vacuum (analyze) kpi_capture_event");
            c.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery("select last_value - 1 from custody_event_id_seq")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
