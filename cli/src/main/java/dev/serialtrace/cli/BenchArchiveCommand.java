package dev.serialtrace.cli;

import dev.serialtrace.db.archive.ArchivedPartition;
import dev.serialtrace.db.archive.DataLifecycle;
import dev.serialtrace.db.archive.PartitionState;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.unit.UnitTimelineQuery;
import org.jooq.DSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "archive", mixinStandardHelpOptions = true,
        description = {"Time archiving the oldest month of custody history that holds events (a real archive run,",
                "recorded), and the timeline + verify of --samples units of that month before and after",
                "(p50/p95/p99). Afterwards the month is moved back (the schema owner's work) unless --keep.",
                "An empty database is first filled with --units demo units."})
final class BenchArchiveCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Option(names = "--units", defaultValue = "1000000", description = "units to generate if the database is empty (default ${DEFAULT-VALUE})")
    long units;

    @Option(names = "--samples", defaultValue = "200", description = "units of the month timed before and after (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--tablespace", paramLabel = "NAME", description = "also move the month to this (existing) tablespace")
    String tablespace;

    @Option(names = "--keep", description = "leave the month archived")
    boolean keep;

    @Option(names = "--month", paramLabel = "YYYY-MM",
            description = "time this month instead (older months are archived first, untimed, and moved back too)")
    String month;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = connection.open(err)) {
            DSLContext dsl = db.dsl();
            BenchDatabase.unitsOnFile(db, units, err);
            dsl.execute("analyze custody_event");   // partition sizes for the estimates
            DataLifecycle lifecycle = new DataLifecycle(dsl);
            PartitionState month = lifecycle.partitions().stream()
                    .filter(p -> !p.archived() && p.from() != null && p.estimatedEvents() > 0)
                    .filter(p -> this.month == null || p.from().toLocalDate().toString().startsWith(this.month.trim()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no unarchived month with events to archive"
                            + (this.month == null ? "" : " in " + this.month)));
            LocalDate thisMonth = LocalDate.now().withDayOfMonth(1);
            int olderThan = (int) ChronoUnit.MONTHS.between(month.to().toLocalDate().withDayOfMonth(1), thisMonth);
            List<ArchivedPartition> older = lifecycle.archive(olderThan + 1, tablespace, false);   // untimed: only the month is timed
            List<Long> sample = dsl.fetch("select distinct unit_id from " + month.schema() + "." + month.name()
                    + " limit " + samples).getValues(0, Long.class);
            err.printf("archiving %s (≈%,d events, %,d MB; %d sampled units)%n", month.name(), month.estimatedEvents(),
                    month.bytes() / (1024 * 1024), sample.size());
            long[] before = timeReads(dsl, sample);

            long t0 = System.nanoTime();
            List<ArchivedPartition> moved = lifecycle.archive(olderThan, tablespace, false);
            double archiveMs = (System.nanoTime() - t0) / 1e6;
            long[] after = timeReads(dsl, sample);

            out.printf("archived %d month(s), %s (%s) in %,.0f ms%s%n", moved.size(), month.name(),
                    String.format("≈%,d events, %,d MB", moved.stream().mapToLong(ArchivedPartition::estimatedEvents).sum(),
                            moved.stream().mapToLong(ArchivedPartition::bytes).sum() / (1024 * 1024)),
                    archiveMs, tablespace == null ? " (schema move only)" : " (into tablespace " + tablespace + ")");
            out.printf("timeline + verify of one unit of that month, before: %s%n", percentiles(before));
            out.printf("timeline + verify of one unit of that month, after:  %s%n", percentiles(after));
            if (!keep) {
                long t1 = System.nanoTime();
                for (ArchivedPartition p : java.util.stream.Stream.concat(older.stream(), moved.stream()).toList()) {
                    dsl.execute("alter table archive." + p.name() + " set schema public");
                    if (tablespace != null) {
                        dsl.execute("alter table public." + p.name() + " set tablespace pg_default");
                        dsl.fetch("select indexrelid::regclass::text from pg_index where indrelid = 'public." + p.name() + "'::regclass")
                                .getValues(0, String.class)
                                .forEach(index -> dsl.execute("alter index " + index + " set tablespace pg_default"));
                    }
                }
                out.printf("moved back in %,.0f ms (the archive run stays recorded)%n", (System.nanoTime() - t1) / 1e6);
            }
        }
        return 0;
    }

    private static long[] timeReads(DSLContext dsl, List<Long> sample) {
        UnitTimelineQuery timeline = new UnitTimelineQuery(dsl);
        ChainVerifier verifier = new ChainVerifier(dsl);
        long[] nanos = new long[sample.size()];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            timeline.fetch(sample.get(i));
            if (!verifier.verifyUnit(sample.get(i)).intact()) {
                throw new IllegalStateException("unit " + sample.get(i) + " does not verify");
            }
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static String percentiles(long[] sorted) {
        if (sorted.length == 0) {
            return "no units";
        }
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d units)", sorted[NearestRank.index(sorted.length, 0.50)] / 1e6,
                sorted[NearestRank.index(sorted.length, 0.95)] / 1e6, sorted[NearestRank.index(sorted.length, 0.99)] / 1e6, sorted.length);
    }
}
