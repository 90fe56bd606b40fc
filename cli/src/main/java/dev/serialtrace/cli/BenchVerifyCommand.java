package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.integrity.VerificationReport;
import dev.serialtrace.db.unit.UnitSampler;
import dev.serialtrace.db.unit.UnitSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Speed of hash-chain verification on the database as it is:",
                "one unit's chain (p50/p95/p99 over --units sampled units), and with --all the whole history",
                "(events per second, every anchor included)."})
final class BenchVerifyCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Option(names = "--units", defaultValue = "500", description = "sampled units timed one by one (default ${DEFAULT-VALUE})")
    int units;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the sample (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--all", description = "also time a full verification of every unit and anchor")
    boolean all;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = connection.open(err)) {
            ChainVerifier verifier = new ChainVerifier(db.dsl());
            List<UnitSummary> sample = UnitSampler.sample(db.dsl(), units, seed);
            if (sample.isEmpty()) {
                throw new IllegalStateException("no units to verify: fill the database first (serialtrace demo-data)");
            }
            sample.stream().limit(20).forEach(u -> verifier.verifyUnit(u.unitId()));   // warm-up, untimed
            long[] nanos = new long[sample.size()];
            int breaks = 0;
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                breaks += verifier.verifyUnit(sample.get(i).unitId()).breaks().size();
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            VerificationReport full = null;
            if (all) {
                err.println("verifying everything …");
                err.flush();
                full = verifier.verifyAll((done, total) -> { });
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sampledUnits", nanos.length);
            m.put("unitP50Ms", ms(nanos, .50));
            m.put("unitP95Ms", ms(nanos, .95));
            m.put("unitP99Ms", ms(nanos, .99));
            m.put("breaksInSample", breaks);
            if (full != null) {
                m.put("allUnits", full.units());
                m.put("allEvents", full.events());
                m.put("allSeconds", full.elapsed().toMillis() / 1000.0);
                m.put("allEventsPerSecond", Math.round(full.eventsPerSecond()));
                m.put("allBreaks", full.breaks().size());
            }
            if (json) {
                out.println(Json.write(m));
            } else {
                out.printf("one unit's chain, %d sampled units: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d breaks)%n",
                        nanos.length, ms(nanos, .50), ms(nanos, .95), ms(nanos, .99), breaks);
                if (full != null) {
                    out.printf("everything: %,d units, %,d events in %.1f s = %,.0f events/s (%d breaks)%n", full.units(),
                            full.events(), full.elapsed().toMillis() / 1000.0, full.eventsPerSecond(), full.breaks().size());
                }
            }
            return 0;
        }
    }

    private static double ms(long[] sorted, double q) {
        return Math.round(sorted[NearestRank.index(sorted.length, q)] / 1e3) / 1000.0;
    }
}
