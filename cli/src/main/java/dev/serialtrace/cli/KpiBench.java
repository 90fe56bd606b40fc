package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.kpi.CaptureMixCell;
import dev.serialtrace.db.kpi.ChartPoint;
import dev.serialtrace.db.kpi.KpiCharts;
import dev.serialtrace.db.kpi.KpiChartsQuery;
import dev.serialtrace.db.kpi.KpiCode;
import dev.serialtrace.db.kpi.LossBar;
import dev.serialtrace.db.kpi.KpiFilter;
import dev.serialtrace.db.kpi.KpiQuery;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.serialtrace.db.jooq.Tables.KPI_DAILY;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SITE;

/**
 * `serialtrace bench kpi`: the dashboard's refresh after a change of filter (every tile, the
 * previous period and the sparklines — exactly {@link KpiQuery#dashboard}) for a one-year period,
 * and the first page (50 rows) of every tile's drill-down.
 */
@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = "Dashboard refresh after a filter change (all tiles, previous period, sparklines) for one year,%n"
                + "the operations charts' refresh (capture mix, theft and loss by site and by zone, claim times), and the%n"
                + "first page of each tile's and each chart bar's drill-down (every capture-mix segment); p50/p95/p99 in milliseconds. Targets: 500 ms and 200 ms.%n"
                + "Uses the database as it is; an empty one is first filled with a demo warehouse of --units units.")
final class KpiBench implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Option(names = "--units", defaultValue = "1000000", description = "units to generate if the database is empty (default ${DEFAULT-VALUE})")
    long units;

    @Option(names = "--rounds", defaultValue = "5", description = "times each filter is timed (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = connection.open(err)) {
            DSLContext dsl = db.dsl();
            long onFile = BenchDatabase.unitsOnFile(db, units, err);
            LocalDate last = dsl.select(DSL.max(KPI_DAILY.DAY)).from(KPI_DAILY).fetchOne(0, LocalDate.class);
            if (last == null) {
                last = LocalDate.now();
            }
            List<KpiFilter> filters = filters(dsl, last.minusYears(1).plusDays(1), last);
            KpiQuery kpi = new KpiQuery(dsl);
            KpiChartsQuery charts = new KpiChartsQuery(dsl);
            kpi.dashboard(filters.get(0));   // warm-up: plans, caches
            charts.charts(filters.get(0));
            long[] refresh = new long[filters.size() * rounds];
            long[] chartRefresh = new long[filters.size() * rounds];
            Map<KpiFilter, KpiCharts> shown = new LinkedHashMap<>();
            int i = 0;
            for (int r = 0; r < rounds; r++) {
                for (KpiFilter f : filters) {
                    long t0 = System.nanoTime();
                    kpi.dashboard(f);
                    refresh[i] = System.nanoTime() - t0;
                    t0 = System.nanoTime();
                    shown.put(f, charts.charts(f));
                    chartRefresh[i++] = System.nanoTime() - t0;
                }
            }
            Arrays.sort(chartRefresh);
            Map<String, long[]> chartDrill = chartDrillDowns(charts, shown);
            Map<KpiCode, long[]> drill = new LinkedHashMap<>();
            for (KpiCode code : KpiCode.values()) {
                long[] t = new long[filters.size() * rounds];
                int j = 0;
                for (int r = 0; r < rounds; r++) {
                    for (KpiFilter f : filters) {
                        long t0 = System.nanoTime();
                        kpi.drillDown(code, f, 50, 0);
                        t[j++] = System.nanoTime() - t0;
                    }
                }
                Arrays.sort(t);
                drill.put(code, t);
            }
            Arrays.sort(refresh);
            report(out, onFile, filters, refresh, drill, chartRefresh, chartDrill);
        }
        return 0;
    }

    /**
     * The first page behind bars of each operations chart, for every filter: the biggest loss bar, every
     * loss-by-zone bar, every segment (station × shift × method) of the capture mix — the rarest are the
     * slowest — and every claim-time bin with claims. Timed per kind of bar (capture-mix segments per method).
     */
    private Map<String, long[]> chartDrillDowns(KpiChartsQuery charts, Map<KpiFilter, KpiCharts> shown) {
        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (var e : shown.entrySet()) {
            KpiFilter f = e.getKey();
            List<ChartPoint> points = new ArrayList<>();
            e.getValue().losses().stream().max(java.util.Comparator.comparingLong(LossBar::units)).ifPresent(points::add);
            points.addAll(e.getValue().lossZones());
            points.addAll(e.getValue().captureMix());
            e.getValue().claimTimes().stream().filter(b -> b.claims() > 0).forEach(points::add);
            for (ChartPoint p : points) {
                String kind = p instanceof CaptureMixCell c ? "capture mix, " + c.method() : p.getClass().getSimpleName();
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    charts.drillDown(p, f, 50, 0);
                    times.computeIfAbsent(kind, k -> new ArrayList<>()).add(System.nanoTime() - t0);
                }
            }
        }
        Map<String, long[]> out = new LinkedHashMap<>();
        times.forEach((k, v) -> out.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
        return out;
    }

    /** All, each site, each category, and each site × the largest category: what people click through. */
    private static List<KpiFilter> filters(DSLContext dsl, LocalDate from, LocalDate to) {
        List<KpiFilter> out = new ArrayList<>();
        out.add(KpiFilter.of(from, to));
        List<Long> sites = dsl.select(SITE.ID).from(SITE).orderBy(SITE.ID).fetch(SITE.ID);
        List<String> categories = dsl.selectDistinct(PRODUCT.CATEGORY).from(PRODUCT).orderBy(PRODUCT.CATEGORY).fetch(PRODUCT.CATEGORY);
        for (Long s : sites) {
            out.add(new KpiFilter(from, to, s, null));
        }
        for (String c : categories) {
            out.add(new KpiFilter(from, to, null, c));
        }
        if (!sites.isEmpty() && !categories.isEmpty()) {
            out.add(new KpiFilter(from, to, sites.get(0), categories.get(0)));
        }
        return out;
    }

    private static double p(long[] sorted, double q) {
        return sorted[NearestRank.index(sorted.length, q)] / 1e6;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private void report(PrintWriter out, long onFile, List<KpiFilter> filters, long[] refresh, Map<KpiCode, long[]> drill,
                        long[] chartRefresh, Map<String, long[]> chartDrill) {
        KpiFilter f = filters.get(0);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("units", onFile);
            m.put("from", f.from().toString());
            m.put("to", f.to().toString());
            m.put("filters", filters.size());
            m.put("rounds", rounds);
            m.put("dashboardRefresh", Map.of("p50Ms", round(p(refresh, .5)), "p95Ms", round(p(refresh, .95)),
                    "p99Ms", round(p(refresh, .99))));
            Map<String, Object> d = new LinkedHashMap<>();
            drill.forEach((code, t) -> d.put(code.name(), Map.of("p50Ms", round(p(t, .5)), "p95Ms", round(p(t, .95)),
                    "p99Ms", round(p(t, .99)))));
            m.put("drillDownFirstPage", d);
            m.put("chartsRefresh", Map.of("p50Ms", round(p(chartRefresh, .5)), "p95Ms", round(p(chartRefresh, .95)),
                    "p99Ms", round(p(chartRefresh, .99))));
            Map<String, Object> cd = new LinkedHashMap<>();
            chartDrill.forEach((chart, t) -> cd.put(chart, Map.of("samples", t.length, "p50Ms", round(p(t, .5)),
                    "p95Ms", round(p(t, .95)), "p99Ms", round(p(t, .99)))));
            m.put("chartDrillDownFirstPage", cd);
            out.println(Json.write(m));
            return;
        }
        out.printf("%,d units; period %s … %s; %d filters × %d rounds; milliseconds%n", onFile, f.from(), f.to(),
                filters.size(), rounds);
        out.printf("%-34s %8s %8s %8s%n", "", "p50", "p95", "p99");
        out.printf("%-34s %8.1f %8.1f %8.1f   (target 500)%n", "dashboard refresh (all tiles)", p(refresh, .5),
                p(refresh, .95), p(refresh, .99));
        long[] all = drill.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        out.printf("%-34s %8.1f %8.1f %8.1f   (target 200)%n", "drill-down first page, any tile", p(all, .5),
                p(all, .95), p(all, .99));
        drill.forEach((code, t) -> out.printf("  %-32s %8.1f %8.1f %8.1f%n", code.name(), p(t, .5), p(t, .95), p(t, .99)));
        out.printf("%-34s %8.1f %8.1f %8.1f   (target 500)%n", "operations charts refresh", p(chartRefresh, .5),
                p(chartRefresh, .95), p(chartRefresh, .99));
        long[] bars = chartDrill.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (bars.length > 0) {
            out.printf("%-34s %8.1f %8.1f %8.1f   (target 200)%n", "drill-down first page, any bar", p(bars, .5),
                    p(bars, .95), p(bars, .99));
        }
        chartDrill.forEach((chart, t) -> out.printf("  %-32s %8.1f %8.1f %8.1f   (%d samples)%n", chart, p(t, .5),
                p(t, .95), p(t, .99), t.length));
    }
}
