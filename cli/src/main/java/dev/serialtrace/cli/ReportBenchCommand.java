package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportFormat;
import dev.serialtrace.reports.ReportService;
import dev.serialtrace.reports.definitions.ReportCatalogue;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.serialtrace.db.jooq.Tables.AUDIT_DISCREPANCY;
import static dev.serialtrace.db.jooq.Tables.LOT;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SPOT_AUDIT;
import static dev.serialtrace.db.jooq.Tables.UNIT;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Time the reports against the targets on the database as it is (fill it first with demo-data):%n"
                + "  chain of custody PDF for --events events (units taken in id order until their events add up) <= 3 s,%n"
                + "  spot-audit PDF for the audit with the most discrepancies <= 1 s,%n"
                + "  recall PDF for --recall-units units <= 20 s: the largest lot if it is that large, otherwise the%n"
                + "  product with the most units over the production period that holds that many (printed).%n"
                + "Run it with the app's heap (./serialtrace does: -Xmx512m); prints p50/p95/max and peak heap.%n"
                + "First it runs the report warm-up the desktop app runs when a session opens (made-up data, no queries),%n"
                + "so the first timed run is a person's first report; --no-warm-up times a cold JVM instead.")
final class ReportBenchCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Option(names = "--events", defaultValue = "10000", description = "custody events in the chain-of-custody report (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--recall-units", defaultValue = "100000", description = "units in the recall report (default ${DEFAULT-VALUE})")
    int recallUnits;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs of the custody and audit reports (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--recall-runs", defaultValue = "2", description = "timed runs of the recall report (default ${DEFAULT-VALUE})")
    int recallRuns;

    @Option(names = "--keep", paramLabel = "DIR", description = "keep the generated PDFs in DIR")
    Path keep;

    @Option(names = "--no-warm-up", description = "skip the app's report warm-up: the first run is then a cold JVM's")
    boolean noWarmUp;

    @Option(names = "--csv", description = "write CSV instead of PDF: times reading the data alone, without layout")
    boolean csv;

    @Option(names = "--only", paramLabel = "REPORT", description = "custody, audit or recall: time only that one")
    String only;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("serialtrace-bench-report");
        ReportCatalogue catalogue = ReportCatalogue.standard();
        try (Database db = connection.open(spec.commandLine().getErr())) {
            DSLContext dsl = db.dsl();
            if (dsl.fetchCount(UNIT) == 0) {
                throw new IllegalStateException("the database is empty: fill it first, e.g. serialtrace demo-data --units 1000000 --seed 1");
            }
            ReportService service = new ReportService(dsl, Clock.systemUTC());
            out.printf(Locale.ROOT, "max heap %d MB, %d units%n", Runtime.getRuntime().maxMemory() >> 20, dsl.fetchCount(UNIT));
            if (!noWarmUp) {
                long start = System.nanoTime();
                service.warmUp(filled -> { });
                out.printf(Locale.ROOT, "warm-up (as the app runs it when a session opens): %.2f s%n", (System.nanoTime() - start) / 1e9);
            }

            List<String> custodyUnits = new ArrayList<>();
            long custodyEvents = 0;
            for (Record r : dsl.select(UNIT.INTERNAL_ID, UNIT.EVENT_COUNT).from(UNIT).where(UNIT.EVENT_COUNT.gt(0))
                    .orderBy(UNIT.ID).limit(events).fetch()) {
                if (custodyEvents >= events) {
                    break;
                }
                custodyUnits.add(r.get(UNIT.INTERNAL_ID));
                custodyEvents += r.get(UNIT.EVENT_COUNT);
            }
            if (only == null || only.equals("custody")) {
                time(out, service, catalogue.require("chain-of-custody"), Map.of("units", String.join("\n", custodyUnits)),
                        "chain of custody, " + custodyUnits.size() + " units, " + custodyEvents + " events", 3.0, runs, dir);
            }

            var discrepancies = DSL.count(AUDIT_DISCREPANCY.ID);
            Record audit = dsl.select(SPOT_AUDIT.CODE, discrepancies).from(SPOT_AUDIT)
                    .leftJoin(AUDIT_DISCREPANCY).on(AUDIT_DISCREPANCY.AUDIT_ID.eq(SPOT_AUDIT.ID))
                    .groupBy(SPOT_AUDIT.CODE).orderBy(discrepancies.desc(), SPOT_AUDIT.CODE).limit(1).fetchOne();
            if (only != null && !only.equals("audit")) {
                // skipped
            } else if (audit == null) {
                out.println("spot audit: no audit in the database, skipped");
            } else {
                time(out, service, catalogue.require("spot-audit"), Map.of("audit", audit.get(SPOT_AUDIT.CODE)),
                        "spot audit " + audit.get(SPOT_AUDIT.CODE) + ", " + audit.get(discrepancies) + " discrepancies", 1.0, runs, dir);
            }

            var units = DSL.count();
            Record lot = dsl.select(LOT.LOT_CODE, PRODUCT.SKU, units).from(UNIT).join(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                    .join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID)).groupBy(LOT.LOT_CODE, PRODUCT.SKU)
                    .orderBy(units.desc()).limit(1).fetchOne();
            Map<String, String> scope;
            String label;
            if (lot != null && lot.get(units) >= recallUnits) {
                scope = Map.of("lot", lot.get(LOT.LOT_CODE), "product", lot.get(PRODUCT.SKU));
                label = "recall of lot " + lot.get(LOT.LOT_CODE) + " (" + lot.get(units) + " units)";
            } else {
                scope = productPeriod(dsl, recallUnits);
                label = "recall of product " + scope.get("product") + " made " + scope.get("made-from") + " to "
                        + scope.get("made-to") + " (" + scope.get("units") + " units; largest lot has "
                        + (lot == null ? 0 : lot.get(units)) + ")";
                scope.remove("units");
            }
            if (only == null || only.equals("recall")) {
                time(out, service, catalogue.require("recall"), scope, label, 20.0, recallRuns, dir);
            }
        } finally {
            if (keep == null) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
        return 0;
    }

    /** The product with the most units, and the production period (from its first day) that holds at least {@code target} of them. */
    private static Map<String, String> productPeriod(DSLContext dsl, int target) {
        var units = DSL.count();
        Record top = dsl.select(PRODUCT.SKU, PRODUCT.ID, units).from(UNIT).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .groupBy(PRODUCT.SKU, PRODUCT.ID).orderBy(units.desc()).limit(1).fetchOne();
        var made = DSL.coalesce(UNIT.PRODUCTION_DATE, LOT.PRODUCTION_DATE, UNIT.FIRST_EVENT_AT.cast(LocalDate.class));
        LocalDate first = null;
        LocalDate last = null;
        long sum = 0;
        for (Record r : dsl.select(made.as("made"), units).from(UNIT).leftJoin(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                .where(UNIT.PRODUCT_ID.eq(top.get(PRODUCT.ID))).groupBy(DSL.field("made")).orderBy(DSL.field("made")).fetch()) {
            LocalDate d = r.get(0, LocalDate.class);
            if (first == null) {
                first = d;
            }
            last = d;
            sum += r.get(units);
            if (sum >= target) {
                break;
            }
        }
        Map<String, String> scope = new java.util.HashMap<>();
        scope.put("product", top.get(PRODUCT.SKU));
        scope.put("made-from", String.valueOf(first));
        scope.put("made-to", String.valueOf(last));
        scope.put("units", String.valueOf(sum));
        return scope;
    }

    private void time(PrintWriter out, ReportService service, ReportDefinition def, Map<String, String> args, String label,
                             double targetSeconds, int runs, Path dir) {
        ReportArguments arguments = service.complete(ReportArguments.of(args));
        double[] seconds = new double[runs];
        double[] cpu = new double[runs];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ReportService.Result last = null;
        HeapWatch heap = new HeapWatch();
        ReportFormat format = csv ? ReportFormat.CSV : ReportFormat.PDF;
        for (int i = 0; i < runs; i++) {
            System.gc();
            heap.reset();
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            last = service.generate(def, arguments, format, dir.resolve(def.name() + "." + format.extension()),
                    ReportService.Options.of("bench", ZoneId.of("UTC")));
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (os.getProcessCpuTime() - cpuStart) / 1e9;
        }
        double first = seconds[0];
        Arrays.sort(cpu);
        Arrays.sort(seconds);
        double p50 = seconds[NearestRank.index(runs, 0.5)];
        double p95 = seconds[NearestRank.index(runs, 0.95)];
        double max = seconds[runs - 1];
        out.printf(Locale.ROOT, "%-95s %5d pages  first %6.2f s  p50 %6.2f s  p95 %6.2f s  max %6.2f s  (app CPU p50 %6.2f s)  peak heap %4d MB  target %.0f s %s%n",
                label, last.pages(), first, p50, p95, max, cpu[NearestRank.index(runs, 0.5)], heap.peakMb(), targetSeconds, Math.max(p95, first) <= targetSeconds ? "ok" : "MISSED");
        out.flush();
    }

    /** Peak heap use of the runs, from the memory pools' peak counters. */
    private static final class HeapWatch {
        void reset() {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    p.resetPeakUsage();
                }
            }
        }

        long peakMb() {
            long sum = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    sum += p.getPeakUsage().getUsed();
                }
            }
            return sum >> 20;
        }
    }
}
