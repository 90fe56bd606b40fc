package dev.serialtrace.cli;

import dev.serialtrace.db.archive.ArchivedPartition;
import dev.serialtrace.db.archive.DataLifecycle;
import dev.serialtrace.db.connect.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "archive", mixinStandardHelpOptions = true,
        description = {"Move the months of custody history older than --older-than into the archive schema",
                "(and --tablespace), still attached: lookups, timelines, reports and verify read them as before.",
                "Admins only (the database refuses everyone else); every run is recorded (see: retention runs)."})
final class ArchiveCommand implements Callable<Integer> {
    @Option(names = "--older-than", required = true, paramLabel = "AGE",
            description = "months wholly older than this: 24m, 2y or 24 (months)")
    String olderThan;

    @Option(names = "--tablespace", paramLabel = "NAME", description = "also move them (and their indexes) to this tablespace")
    String tablespace;

    @Option(names = "--dry-run", description = "list what would move, move nothing")
    boolean dryRun;

    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        int months = parseMonths(olderThan);
        PrintWriter out = spec.commandLine().getOut();
        List<ArchivedPartition> parts;
        long t0 = System.nanoTime();
        try (Database db = connection.open(spec.commandLine().getErr())) {
            parts = new DataLifecycle(db.dsl()).archive(months, tablespace, dryRun);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (ArchivedPartition p : parts) {
            out.printf("%-8s %s  %s – %s  ≈%,d events  %,d MB%n", p.moved() ? "moved" : "would move", p.name(),
                    p.from().toLocalDate(), p.to().toLocalDate().minusDays(1), p.estimatedEvents(), p.bytes() / (1024 * 1024));
        }
        out.printf("%s%d month(s) %s the archive%s in %.2f s%n", dryRun ? "dry run: " : "", parts.size(),
                dryRun ? "would move to" : "moved to", tablespace == null ? "" : " (tablespace " + tablespace + ")", seconds);
        return 0;
    }

    /** "24m", "2y", "24" → months. */
    static int parseMonths(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            int months;
            if (t.endsWith("y")) {
                months = Integer.parseInt(t.substring(0, t.length() - 1)) * 12;
            } else {
                months = Integer.parseInt(t.endsWith("m") ? t.substring(0, t.length() - 1) : t);
            }
            if (months >= 1) {
                return months;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException("--older-than \"" + text + "\" is not an age: give months (24m or 24) or years (2y), at least 1 month");
    }
}
