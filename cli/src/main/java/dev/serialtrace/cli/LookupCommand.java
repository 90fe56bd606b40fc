package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.unit.LookupResult;
import dev.serialtrace.db.unit.Suggestion;
import dev.serialtrace.db.unit.UnitLookup;
import dev.serialtrace.db.unit.UnitSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = "Find the unit behind any identifier: internal id, serial, GS1 scan, Digital Link, SGTIN, HIBC.%n"
                + "Exit code 0 found, 3 not found (with did-you-mean candidates), 2 bad input.")
final class LookupCommand implements Callable<Integer> {
    static final int NOT_FOUND = 3;

    @Parameters(paramLabel = "INPUT", description = "what was scanned or typed")
    String input;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin ScannerOptions scanner;
    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LookupResult result;
        try (Database db = connection.open(spec.commandLine().getErr())) {
            result = new UnitLookup(db.dsl(), scanner.parserOptions()).lookup(input);
        }
        if (json) {
            out.println(Json.write(toMap(result)));
        } else {
            print(out, result);
        }
        if (result instanceof LookupResult.Found) {
            return 0;
        }
        return result instanceof LookupResult.NotFound ? NOT_FOUND : ParseCommand.BAD_INPUT;
    }

    private void print(PrintWriter out, LookupResult result) {
        if (result instanceof LookupResult.Found f) {
            if (f.duplicateSerial()) {
                out.printf("DUPLICATE SERIAL: %d units carry this serial (different manufacturers or products); "
                        + "check which one is meant%n%n", f.units().size());
            }
            for (UnitSummary u : f.units()) {
                UnitPrinter.print(out, u);
            }
            out.printf("(found by %s)%n", f.matchedBy().label());
        } else if (result instanceof LookupResult.NotFound n) {
            out.printf("not found: no unit with serial %s%n", n.serialNorm());
            if (n.didYouMean().isEmpty()) {
                out.println("no similar serial on file");
            } else {
                out.println("did you mean:");
                for (Suggestion s : n.didYouMean()) {
                    out.printf("  %s  — %s%n", UnitPrinter.row(s.unit()), s.reason());
                }
            }
        } else if (result instanceof LookupResult.BadInput b) {
            out.printf("bad input: %s at position %d%n", b.message(), b.position());
            String shown = ScannerOptions.visible(input.replaceAll("[\r\n]+$", ""));
            out.println("  " + shown);
            out.println("  " + " ".repeat(Math.min(b.position(), shown.length())) + "^");
        }
    }

    private static Map<String, Object> toMap(LookupResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("found", result instanceof LookupResult.Found);
        if (result instanceof LookupResult.Found f) {
            m.put("matchedBy", f.matchedBy().label());
            m.put("duplicateSerial", f.duplicateSerial());
            m.put("units", f.units().stream().map(UnitPrinter::toMap).toList());
        } else if (result instanceof LookupResult.NotFound n) {
            m.put("serial", n.serialNorm());
            m.put("units", List.of());
            m.put("didYouMean", n.didYouMean().stream().map(s -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("kind", s.kind());
                c.put("reason", s.reason());
                c.put("unit", UnitPrinter.toMap(s.unit()));
                return c;
            }).toList());
        } else if (result instanceof LookupResult.BadInput b) {
            m.put("error", b.message());
            m.put("position", b.position());
        }
        return m;
    }
}
