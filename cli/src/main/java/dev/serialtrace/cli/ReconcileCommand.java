package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.epcis.EpcisFormatException;
import dev.serialtrace.db.epcis.SerialReconciler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Compare a manufacturer's serial list (CSV with columns gtin,serial[,lot,expiry], or an EPCIS document's "
                + "commissioning events) with our units of the same GTINs: never received, held but never commissioned by the "
                + "maker (counterfeit signal), lot / expiry / product mismatches.%nExit code 0 all agree, 5 differences found.")
final class ReconcileCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the manufacturer's list")
    Path file;
    @Option(names = "--json", description = "print JSON")
    boolean json;
    @Option(names = "--limit", defaultValue = "50", description = "findings listed per kind (default ${DEFAULT-VALUE}); counts are complete")
    int limit;
    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SerialReconciler.Report r;
        try (Database db = connection.open(spec.commandLine().getErr())) {
            r = new SerialReconciler(db.dsl()).reconcile(file, limit);
        } catch (EpcisFormatException e) {
            spec.commandLine().getErr().println(file + ": " + e.getMessage());
            return ParseCommand.BAD_INPUT;
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("listed", r.listed());
            Map<String, Long> counts = new LinkedHashMap<>();
            r.counts().forEach(c -> counts.put(c.kind().name(), c.count()));
            m.put("counts", counts);
            m.put("findings", r.findings());
            out.println(Json.write(m));
        } else {
            out.printf("%,d serials on the manufacturer's list%n", r.listed());
            r.counts().forEach(c -> out.printf("  %-28s %,d%n", c.kind().name().replace('_', ' '), c.count()));
            for (SerialReconciler.Finding f : r.findings()) {
                out.printf("%-28s %s %s%s%s%n", f.kind().name().replace('_', ' '), f.gtin(), f.serial(),
                        f.unit() == null ? "" : "  unit " + f.unit(),
                        f.ours() == null && f.theirs() == null ? "" : "  ours: " + f.ours() + ", maker's: " + f.theirs());
            }
        }
        return r.counts().stream().anyMatch(c -> c.count() > 0) ? 5 : 0;
    }
}
