package dev.serialtrace.cli;

import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.core.identify.ScanParser;
import dev.serialtrace.db.audit.AuditClassifier;
import dev.serialtrace.db.audit.AuditCommands;
import dev.serialtrace.db.audit.AuditPlanning;
import dev.serialtrace.db.audit.AuditScan;
import dev.serialtrace.db.audit.AuditScope;
import dev.serialtrace.db.audit.AuditSnapshot;
import dev.serialtrace.db.audit.Classification;
import dev.serialtrace.db.audit.ScanClass;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.unit.UnitLookup;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;

import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.UNIT;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Spot-audit speed on the database as it is: plans and starts an audit of about --expected units "
                + "(the fullest locations of one site that together stay near it), then times scan → classification for every scan (expected units "
                + "from memory; wrong-location, unknown and shipped units through the database), storing each scan, "
                + "and closing the audit.",
                "Leaves the audit behind, closed, with auditor 'bench' (and its capture exceptions); "
                        + "run it on a copy or a benchmark database."})
final class AuditBench implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Option(names = "--expected", defaultValue = "5000", description = "expected units in the audit's scope (default ${DEFAULT-VALUE})")
    int expected;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the scan mix (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = connection.open(err)) {
            DSLContext dsl = db.dsl();
            long units = dsl.fetchCount(UNIT);
            err.printf("%,d units on file; choosing locations for about %,d expected units…%n", units, expected);
            long t = System.nanoTime();
            // units per location (one index-only pass over unit.location_id)
            var perLocation = dsl.select(UNIT.LOCATION_ID, LOCATION.SITE_ID, DSL.count())
                    .from(UNIT).join(LOCATION).on(LOCATION.ID.eq(UNIT.LOCATION_ID))
                    .groupBy(UNIT.LOCATION_ID, LOCATION.SITE_ID).orderBy(DSL.count().desc()).fetch();
            if (perLocation.isEmpty()) {
                err.println("no units on any location: generate demo data first (serialtrace demo-data --units …)");
                return 1;
            }
            // the fullest locations of the fullest location's site that together stay near --expected
            // (at 10M units one shelf alone can hold forty times that); the smallest one if none fits
            long site = perLocation.get(0).value2();
            List<Long> scope = new ArrayList<>();
            int total = 0;
            for (var r : perLocation) {
                if (r.value2() == site && total < expected && total + r.value3() <= expected * 6 / 5) {
                    scope.add(r.value1());
                    total += r.value3();
                }
            }
            if (scope.isEmpty()) {
                var smallest = perLocation.stream().filter(r -> r.value2() == site).reduce((a, b) -> b).orElseThrow();
                scope.add(smallest.value1());
                total = smallest.value3();
            }
            err.printf("  %d locations, %,d units (%.1f s)%n", scope.size(), total, (System.nanoTime() - t) / 1e9);
            // earlier benchmark audits of these locations would block the overlap guard
            dsl.update(dev.serialtrace.db.jooq.Tables.SPOT_AUDIT).set(dev.serialtrace.db.jooq.Tables.SPOT_AUDIT.STATUS,
                            dev.serialtrace.db.jooq.enums.AuditStatus.cancelled)
                    .where(dev.serialtrace.db.jooq.Tables.SPOT_AUDIT.AUDITOR.eq("bench"))
                    .and(dev.serialtrace.db.jooq.Tables.SPOT_AUDIT.STATUS.in(dev.serialtrace.db.jooq.enums.AuditStatus.planned,
                            dev.serialtrace.db.jooq.enums.AuditStatus.in_progress)).execute();
            AuditPlanning planning = new AuditPlanning(dsl);
            AuditCommands commands = new AuditCommands(dsl);
            long id = planning.plan(new AuditScope("", null, null, "benchmark", scope), "bench");
            t = System.nanoTime();
            AuditSnapshot snapshot = commands.start(id);
            double startMs = (System.nanoTime() - t) / 1e6;
            UnitLookup lookup = new UnitLookup(dsl, ParserOptions.defaults(Clock.systemDefaultZone()));
            AuditClassifier classifier = new AuditClassifier(snapshot, new ScanParser(ParserOptions.defaults(Clock.systemDefaultZone())), lookup);
            List<String> scans = scanMix(dsl, snapshot, scope);
            err.printf("audit %s started: %,d expected units (snapshot and start %.0f ms); %,d scans…%n",
                    snapshot.code(), snapshot.expected().size(), startMs, scans.size());

            Map<ScanClass, List<Double>> byKind = new EnumMap<>(ScanClass.class);
            List<Double> all = new ArrayList<>();
            List<Double> stores = new ArrayList<>();
            List<Double> nearMatches = new ArrayList<>();
            Long location = null;
            int seq = 0;
            for (String raw : scans) {
                seq++;
                long c0 = System.nanoTime();
                Classification c = classifier.classifyLocal(raw, location, seq);
                if (c.kind() == ScanClass.PENDING) {
                    c = classifier.remote(raw, location, seq);
                }
                double ms = (System.nanoTime() - c0) / 1e6;
                all.add(ms);
                byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(ms);
                if (c.kind() == ScanClass.UNKNOWN) {   // the candidates follow the verdict, off the scan path
                    long n0 = System.nanoTime();
                    classifier.nearMatches(raw);
                    nearMatches.add((System.nanoTime() - n0) / 1e6);
                }
                long s0 = System.nanoTime();
                commands.recordScan(new AuditScan(id, UUID.randomUUID(), seq, OffsetDateTime.now(), location, raw, false, null,
                        c.unitId(), c.kind(), c.detail()));
                stores.add((System.nanoTime() - s0) / 1e6);
            }
            t = System.nanoTime();
            int discrepancies = commands.close(id).size();
            double closeMs = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            commands.contentHash(id);
            double hashMs = (System.nanoTime() - t) / 1e6;

            out.printf("spot audit %s: %,d units on file, %,d expected, %,d scans%n", snapshot.code(), units,
                    snapshot.expected().size(), scans.size());
            out.printf("%-34s %8s %8s %8s %8s %8s%n", "", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
            row(out, "scan → classification (all)", all);
            byKind.forEach((k, v) -> row(out, "  " + k.label().toLowerCase(), v));
            row(out, "unknown → did-you-mean (after)", nearMatches);
            row(out, "store scan (one transaction)", stores);
            out.printf("%-34s %8s %8.1f%n", "start (snapshot of expected)", "", startMs);
            out.printf("%-34s %8s %8.1f   (%,d discrepancies)%n", "close", "", closeMs, discrepancies);
            out.printf("%-34s %8s %8.1f%n", "content hash (SHA-256)", "", hashMs);
            out.printf("targets: classification p99 ≤ 20 ms; close ≤ 1,000 ms%n");
            return 0;
        }
    }

    /**
     * 97 % of the expected units (each as serial, internal id or GS1 element string), then 1 % of
     * them again (duplicates), and 1 % each of units from elsewhere, serials one slip away from a
     * real one (unknown, with did-you-mean), and garbage (invalid) — shuffled.
     */
    private List<String> scanMix(DSLContext dsl, AuditSnapshot snapshot, List<Long> scope) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> scans = new ArrayList<>();
        List<AuditSnapshot.ExpectedUnit> expectedUnits = snapshot.expected();
        for (AuditSnapshot.ExpectedUnit u : expectedUnits) {
            if (random.nextInt(100) < 97) {
                int form = random.nextInt(10);
                scans.add(form < 6 || u.gtin() == null ? u.serial() : form < 8 ? u.internalId()
                        : "]d201" + u.gtin() + "21" + u.serial());
            }
        }
        int onePercent = Math.max(5, expectedUnits.size() / 100);
        for (int i = 0; i < onePercent; i++) {
            scans.add(expectedUnits.get(random.nextInt(expectedUnits.size())).serial());
        }
        List<String> elsewhere = dsl.select(UNIT.SERIAL).from(UNIT)
                .where(UNIT.ID.in(DSL.select(UNIT.ID).from(UNIT).where(UNIT.LOCATION_ID.notIn(scope))
                        .and(UNIT.ID.ge(random.nextLong(1, Math.max(2, maxId(dsl) - 10L * onePercent)))).limit(onePercent)))
                .fetch(UNIT.SERIAL);
        scans.addAll(elsewhere);
        for (int i = 0; i < onePercent; i++) {
            String s = expectedUnits.get(random.nextInt(expectedUnits.size())).serial();
            char[] c = s.toCharArray();
            int at = random.nextInt(c.length);
            c[at] = c[at] == '0' ? 'O' : c[at] == 'X' ? 'Y' : 'X';
            scans.add(new String(c));
            scans.add("]C1" + random.nextInt(100_000, 999_999) + "!");
        }
        for (int i = scans.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            scans.set(i, scans.set(j, scans.get(i)));
        }
        return scans;
    }

    private static long maxId(DSLContext dsl) {
        Long max = dsl.select(DSL.max(UNIT.ID)).from(UNIT).fetchOne().value1();
        return max == null ? 1 : max;
    }

    private static void row(PrintWriter out, String name, List<Double> ms) {
        double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return;
        }
        out.printf("%-34s %8d %8.2f %8.2f %8.2f %8.2f%n", name, v.length, pct(v, 50), pct(v, 95), pct(v, 99), v[v.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[NearestRank.index(sorted.length, p / 100)];
    }

}
