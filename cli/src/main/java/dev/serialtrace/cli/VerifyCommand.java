package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.integrity.Anchor;
import dev.serialtrace.db.integrity.ChainBreak;
import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.integrity.VerificationReport;
import dev.serialtrace.db.unit.LookupResult;
import dev.serialtrace.db.unit.UnitLookup;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recompute the custody hash chains from the events as they are now and report every break",
                "(altered, deleted, inserted, reordered), including changes made around the database's triggers.",
                "--all also checks every anchor and prints the newest anchor's digest: keep it outside the database.",
                "Exit codes: 0 intact, 4 breaks found, 3 unit not found, 1 error."})
final class VerifyCommand implements Callable<Integer> {
    static final int BREAKS_FOUND = 4;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    static final class Scope {
        @Option(names = "--unit", paramLabel = "UNIT", description = "one unit: internal id, serial or any scan")
        String unit;
        @Option(names = "--all", description = "every unit, and every anchor")
        boolean all;
    }

    @Option(names = "--anchor", description = "after verifying, anchor everything written since the last anchor (compliance, admin)")
    boolean anchor;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin ConnectionOptions connection;
    @Mixin ScannerOptions scanner;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = connection.open(err)) {
            ChainVerifier verifier = new ChainVerifier(db.dsl());
            VerificationReport report;
            if (scope.all) {
                report = verifier.verifyAll((done, total) -> {
                    if (!json) {
                        err.printf("\rverified %,d / %,d units", done, total);
                        err.flush();
                    }
                });
                if (!json) {
                    err.println();
                }
            } else {
                LookupResult found = new UnitLookup(db.dsl(), scanner.parserOptions()).lookup(scope.unit);
                if (!(found instanceof LookupResult.Found f) || f.units().size() != 1) {
                    err.println("error: no single unit matches \"" + scope.unit + "\"; use its internal id");
                    return LookupCommand.NOT_FOUND;
                }
                report = verifier.verifyUnit(f.units().get(0).unitId());
            }
            Anchor anchored = anchor ? verifier.anchor() : null;
            if (json) {
                out.println(Json.write(toMap(report, anchored)));
            } else {
                print(out, report, anchored);
            }
            return report.intact() ? 0 : BREAKS_FOUND;
        }
    }

    private static void print(PrintWriter out, VerificationReport r, Anchor anchored) {
        for (ChainBreak b : r.breaks()) {
            out.printf("%-9s %s%s%n", b.kind().label(),
                    b.anchorId() != null ? "anchor " + b.anchorId() : "unit " + (b.internalId() == null ? b.unitId() : b.internalId())
                            + (b.eventId() == null ? "" : ", event " + b.eventId())
                            + (b.chainSeq() == null ? "" : " (position " + b.chainSeq() + ")"),
                    ": " + b.detail());
        }
        out.printf("%s: %s — %,d units, %,d events, %d anchors checked in %.1f s (%,.0f events/s)%n", r.scope(),
                r.intact() ? "intact" : r.breaks().size() + " break(s)", r.units(), r.events(), r.anchorsChecked(),
                r.elapsed().toMillis() / 1000.0, r.eventsPerSecond());
        r.newestAnchor().ifPresent(a -> out.printf("newest anchor %d of %s, %,d links: %s%n", a.id(), a.anchoredAt(),
                a.linkCount(), a.digestHex()));
        if (anchored != null) {
            out.printf("anchored now: anchor %d up to event %d, %,d new links: %s%n", anchored.id(), anchored.upToEventId(),
                    anchored.linkCount(), anchored.digestHex());
        }
    }

    private static Map<String, Object> toMap(VerificationReport r, Anchor anchored) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", r.scope());
        m.put("intact", r.intact());
        m.put("units", r.units());
        m.put("events", r.events());
        m.put("anchorsChecked", r.anchorsChecked());
        m.put("seconds", r.elapsed().toMillis() / 1000.0);
        List<Map<String, Object>> breaks = new ArrayList<>();
        for (ChainBreak b : r.breaks()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", b.kind().label());
            x.put("unitId", b.unitId());
            x.put("internalId", b.internalId());
            x.put("eventId", b.eventId());
            x.put("chainSeq", b.chainSeq());
            x.put("anchorId", b.anchorId());
            x.put("detail", b.detail());
            breaks.add(x);
        }
        m.put("breaks", breaks);
        m.put("newestAnchor", r.newestAnchor().map(VerifyCommand::anchor).orElse(null));
        m.put("anchored", anchored == null ? null : anchor(anchored));
        return m;
    }

    private static Map<String, Object> anchor(Anchor a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("anchoredAt", a.anchoredAt().toString());
        m.put("anchoredBy", a.anchoredBy());
        m.put("upToEventId", a.upToEventId());
        m.put("links", a.linkCount());
        m.put("digest", a.digestHex());
        return m;
    }
}
