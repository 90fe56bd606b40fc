package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.unit.SearchHit;
import dev.serialtrace.db.unit.UnitSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Units whose serial, internal id or lot code is, starts with, ends with or contains TEXT, best first.")
final class SearchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEXT", description = "part of a serial, internal id or lot code")
    String text;

    @Option(names = "--limit", defaultValue = "20", description = "at most this many units (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<SearchHit> hits;
        try (Database db = connection.open(spec.commandLine().getErr())) {
            hits = new UnitSearch(db.dsl()).search(text, limit);
        }
        if (json) {
            out.println(Json.write(hits.stream().map(SearchCommand::toMap).toList()));
        } else if (hits.isEmpty()) {
            out.println("no unit matches " + text);
        } else {
            for (SearchHit h : hits) {
                out.printf("%-18s %s%n", label(h), UnitPrinter.row(h.unit()));
            }
        }
        return 0;
    }

    private static String label(SearchHit h) {
        return h.field().name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + h.match().name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> toMap(SearchHit h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", h.field().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("match", h.match().name().toLowerCase(Locale.ROOT));
        m.put("matched", h.matchedText());
        m.put("unit", UnitPrinter.toMap(h.unit()));
        return m;
    }
}
