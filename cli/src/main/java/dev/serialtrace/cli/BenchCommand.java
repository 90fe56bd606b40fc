package dev.serialtrace.cli;

import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.core.identify.gs1.Charsets;
import dev.serialtrace.core.unit.SerialNormalizer;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.unit.LookupResult;
import dev.serialtrace.db.unit.UnitLookup;
import dev.serialtrace.db.unit.UnitSampler;
import dev.serialtrace.db.unit.UnitSearch;
import dev.serialtrace.db.unit.UnitSummary;
import org.jooq.DSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;


@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the speed of the database paths.",
        subcommands = {BenchCommand.Lookup.class, ReportBenchCommand.class, BenchVerifyCommand.class, EpcisBench.class,
                KpiBench.class, AuditBench.class, BenchArchiveCommand.class})
final class BenchCommand {

    @Command(name = "lookup", mixinStandardHelpOptions = true,
            description = "Latency of each lookup path, did-you-mean and search, each beside the same SQL over plain JDBC.%n"
                    + "Uses the database as it is; an empty one is first filled with a demo warehouse of --units units.")
    static final class Lookup implements Callable<Integer> {
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Option(names = "--units", defaultValue = "1000000", description = "units to generate if the database is empty (default ${DEFAULT-VALUE})")
        long units;

        @Option(names = "--queries", defaultValue = "2000", description = "timed queries per path (default ${DEFAULT-VALUE})")
        int queries;

        @Option(names = "--seed", defaultValue = "7", description = "seed of the sample (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() throws SQLException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = connection.open(err)) {
                DSLContext dsl = db.dsl();
                long onFile = BenchDatabase.unitsOnFile(db, units, err);
                if (onFile != units) {
                    err.printf("the database holds %,d units, not %,d: benchmarking those (use an empty database to generate)%n",
                            onFile, units);
                }
                List<UnitSummary> sample = UnitSampler.sample(dsl, queries, seed);
                if (sample.isEmpty()) {
                    throw new IllegalStateException("no units to sample");
                }
                UnitLookup lookup = new UnitLookup(dsl, ParserOptions.defaults(java.time.Clock.systemDefaultZone()));
                UnitSearch search = new UnitSearch(dsl);
                List<Row> rows = new ArrayList<>();
                try (RawJdbc raw = new RawJdbc(dsl, db.dataSource().getConnection())) {
                    for (Path path : paths()) {
                        err.println("timing " + path.name() + " …");
                        err.flush();
                        List<String> inputs = sample.stream().map(path.input()).filter(s -> s != null).toList();
                        rows.add(time(path.name(), inputs, lookup, search, raw));
                    }
                }
                report(out, onFile, rows);
            }
            return 0;
        }

        private record Path(String name, Function<UnitSummary, String> input) {
        }

        private static List<Path> paths() {
            return List.of(
                    new Path("internal-id", UnitSummary::internalId),
                    new Path("serial", UnitSummary::serial),
                    new Path("gs1 element string", u -> gs1Serial(u) ? "]d201" + u.gtin() + "21" + u.serial() : null),
                    new Path("digital link", u -> gs1Serial(u) ? "https://id.example.com/01/" + u.gtin() + "/21/"
                            + URLEncoder.encode(u.serial(), StandardCharsets.UTF_8) : null),
                    new Path("sgtin", UnitSummary::sgtinUri),
                    new Path("did-you-mean", u -> slip(u.serialNorm())),
                    new Path("search", u -> fragment(u.serialNorm())));
        }

        private static boolean gs1Serial(UnitSummary u) {
            return u.gtin() != null && u.serial().length() <= 20 && Charsets.firstInvalid('X', u.serial()) < 0;
        }

        /** A capture one slip away: two neighbours swapped in the middle (falls back to a dropped character). */
        static String slip(String norm) {
            int i = norm.length() / 2;
            if (norm.length() >= 3 && norm.charAt(i - 1) != norm.charAt(i)) {
                return norm.substring(0, i - 1) + norm.charAt(i) + norm.charAt(i - 1) + norm.substring(i + 1);
            }
            return norm.substring(0, i) + norm.substring(Math.min(norm.length(), i + 1));
        }

        /** Six characters from the middle: what someone reads off a damaged label. */
        static String fragment(String norm) {
            if (norm.length() <= 6) {
                return norm;
            }
            int from = (norm.length() - 6) / 2;
            return norm.substring(from, from + 6);
        }

        private Row time(String name, List<String> inputs, UnitLookup lookup, UnitSearch search, RawJdbc raw) {
            boolean isSearch = name.equals("search");
            Runnable[] viaApp = new Runnable[inputs.size()];
            Runnable[] viaRaw = new Runnable[inputs.size()];
            for (int i = 0; i < inputs.size(); i++) {
                String in = inputs.get(i);
                List<RawJdbc.Statement> statements = new ArrayList<>();
                if (isSearch) {
                    List<Long> ids = search.search(in, 20).stream().map(h -> h.unit().unitId()).toList();
                    statements.add(raw.render(search.candidatesQuery(in, 20)));
                    statements.add(raw.render(search.summariesQuery(ids)));
                    viaApp[i] = () -> search.search(in, 20);
                } else if (name.equals("did-you-mean")) {
                    lookup.plan(in).ifPresent(p -> statements.add(raw.render(p.query())));
                    lookup.didYouMeanQueries(SerialNormalizer.normalize(in)).forEach(q -> statements.add(raw.render(q)));
                    viaApp[i] = () -> lookup.lookup(in);
                } else {
                    statements.add(raw.render(lookup.plan(in).orElseThrow().query()));
                    viaApp[i] = () -> {
                        if (!(lookup.lookup(in) instanceof LookupResult.Found)) {
                            throw new IllegalStateException(name + " did not find " + in);
                        }
                    };
                }
                viaRaw[i] = () -> statements.forEach(raw::run);
            }
            // one untimed pass over every input: the figures are for a warm database and a warm JIT
            for (int i = 0; i < inputs.size(); i++) {
                viaApp[i].run();
                viaRaw[i].run();
            }
            // each input through both sides in turn, so background load hits both alike
            long[] app = new long[inputs.size()];
            long[] base = new long[inputs.size()];
            for (int i = 0; i < inputs.size(); i++) {
                app[i] = timed(viaApp[i]);
                base[i] = timed(viaRaw[i]);
            }
            java.util.Arrays.sort(app);
            java.util.Arrays.sort(base);
            return new Row(name, inputs.size(), app, base);
        }

        private static long timed(Runnable run) {
            long t0 = System.nanoTime();
            run.run();
            return System.nanoTime() - t0;
        }

        record Row(String path, int n, long[] app, long[] raw) {
            double p(long[] sorted, double q) {
                return sorted[NearestRank.index(sorted.length, q)] / 1e6;
            }

            Map<String, Object> toMap() {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", path);
                m.put("queries", n);
                m.put("p50Ms", round(p(app, .50)));
                m.put("p95Ms", round(p(app, .95)));
                m.put("p99Ms", round(p(app, .99)));
                m.put("rawP50Ms", round(p(raw, .50)));
                m.put("rawP95Ms", round(p(raw, .95)));
                m.put("rawP99Ms", round(p(raw, .99)));
                m.put("p50Ratio", round(p(app, .50) / p(raw, .50)));
                m.put("p99Ratio", round(p(app, .99) / p(raw, .99)));
                return m;
            }

            private static double round(double v) {
                return Math.round(v * 1000) / 1000.0;
            }
        }

        private void report(PrintWriter out, long onFile, List<Row> rows) {
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("units", onFile);
                m.put("queriesPerPath", queries);
                m.put("seed", seed);
                m.put("paths", rows.stream().map(Row::toMap).toList());
                out.println(Json.write(m));
                return;
            }
            out.printf("%,d units, up to %,d queries per path (seed %d); milliseconds%n", onFile, queries, seed);
            out.printf("%-20s %6s %7s %7s %7s %8s %8s %8s %6s %6s%n", "path", "n", "p50", "p95", "p99",
                    "raw p50", "raw p95", "raw p99", "x p50", "x p99");
            for (Row r : rows) {
                out.printf("%-20s %6d %7.3f %7.3f %7.3f %8.3f %8.3f %8.3f %6.2f %6.2f%n", r.path(), r.n(),
                        r.p(r.app(), .5), r.p(r.app(), .95), r.p(r.app(), .99),
                        r.p(r.raw(), .5), r.p(r.raw(), .95), r.p(r.raw(), .99),
                        r.p(r.app(), .5) / r.p(r.raw(), .5), r.p(r.app(), .99) / r.p(r.raw(), .99));
            }
            out.println("x = through UnitLookup/UnitSearch (parse, jOOQ, mapping) / the same SQL over plain JDBC");
        }
    }
}
