package dev.serialtrace.cli;

import dev.serialtrace.core.identify.ParseError;
import dev.serialtrace.core.identify.ParseResult;
import dev.serialtrace.core.identify.ProductIdentifier;
import dev.serialtrace.core.identify.ScanParser;
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

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Read one capture (scan or typed) and show the identifier in it, or where it goes wrong.%n"
                + "Exit code 0 when it reads, 2 when it does not.")
final class ParseCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;

    @Parameters(paramLabel = "INPUT", description = "GS1 element string, bracketed GS1, Digital Link, SGTIN URI, HIBC, internal id or serial")
    String input;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin ScannerOptions scanner;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ParseResult result = new ScanParser(scanner.parserOptions()).parse(input);
        if (json) {
            out.println(Json.write(toMap(result)));
        } else if (result instanceof ProductIdentifier id) {
            printIdentifier(out, id);
        } else {
            printError(out, input, (ParseError) result);
        }
        return result.ok() ? 0 : BAD_INPUT;
    }

    static Map<String, Object> toMap(ParseResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", result.ok());
        if (result instanceof ProductIdentifier id) {
            m.put("kind", id.kind().label());
            m.put("symbology", id.symbology());
            m.put("ais", id.ais().stream().map(e -> List.of(e.ai(), e.value())).toList());
            m.put("gtin", id.gtin());
            m.put("serial", id.serial());
            m.put("lot", id.lot());
            m.put("expiry", id.expiry() == null ? null : id.expiry().toString());
            m.put("error", null);
            m.put("position", null);
        } else {
            ParseError e = (ParseError) result;
            m.put("kind", e.kind() == null ? null : e.kind().label());
            m.put("symbology", null);
            m.put("ais", List.of());
            m.put("gtin", null);
            m.put("serial", null);
            m.put("lot", null);
            m.put("expiry", null);
            m.put("error", e.message());
            m.put("position", e.position());
        }
        return m;
    }

    static void printIdentifier(PrintWriter out, ProductIdentifier id) {
        out.printf("kind       %s%s%n", id.kind().label(), id.symbology() == null ? "" : " (" + id.symbology() + ")");
        line(out, "gtin", id.gtin());
        line(out, "serial", id.serial());
        line(out, "lot", id.lot());
        line(out, "expiry", id.expiry());
        line(out, "product", id.productCode());
        if (!id.ais().isEmpty()) {
            StringBuilder ais = new StringBuilder();
            id.ais().forEach(e -> ais.append('(').append(e.ai()).append(')').append(e.value()));
            line(out, "AIs", ais);
        }
    }

    static void printError(PrintWriter out, String input, ParseError e) {
        out.printf("error: %s%s at position %d%n", e.message(), e.kind() == null ? "" : " (read as " + e.kind().label() + ")",
                e.position());
        String shown = ScannerOptions.visible(input.replaceAll("[\r\n]+$", ""));
        out.println("  " + shown);
        out.println("  " + " ".repeat(Math.min(e.position(), shown.length())) + "^");
    }

    private static void line(PrintWriter out, String label, Object value) {
        if (value != null) {
            out.printf("%-10s %s%n", label, value);
        }
    }
}
