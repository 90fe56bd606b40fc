package dev.serialtrace.cli;

import dev.serialtrace.db.archive.DataLifecycle;
import dev.serialtrace.db.archive.PurgeCandidate;
import dev.serialtrace.db.archive.PurgeResult;
import dev.serialtrace.db.connect.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Delete the months of custody history that end on or before --before, but only if no retention",
                "rule holds any of their events (DSCSA 6 years, ATF for the life of the business, the company default:",
                "see: retention list). If any is held, nothing is deleted and the holding rules are named.",
                "Chain links are kept, so verify stays intact. Admins only; every run, refused ones too, is recorded",
                "in the audit trail. Exit codes: 0 purged (or nothing to do), 5 refused by retention, 1 error."})
final class PurgeCommand implements Callable<Integer> {
    static final int REFUSED_BY_RETENTION = 5;

    @Option(names = "--before", required = true, paramLabel = "DATE", description = "purge months that end on or before this day (YYYY-MM-DD)")
    String before;

    @Option(names = "--dry-run", description = "say what would be purged and what retention holds, delete nothing")
    boolean dryRun;

    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        LocalDate day;
        try {
            day = LocalDate.parse(before.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--before \"" + before + "\" is not a date: write it as YYYY-MM-DD");
        }
        PrintWriter out = spec.commandLine().getOut();
        PurgeResult result;
        try (Database db = connection.open(spec.commandLine().getErr())) {
            result = new DataLifecycle(db.dsl()).purge(day, dryRun);
        }
        for (PurgeCandidate m : result.months()) {
            out.printf("%-8s %s  %s – %s  %,d events%s%n", m.purged() ? "purged" : m.held() ? "held" : dryRun ? "would purge" : "kept",
                    m.name(), m.from().toLocalDate(), m.to().toLocalDate().minusDays(1), m.events(),
                    m.held() ? "  — " + m.heldBy() : "");
        }
        if (result.months().isEmpty()) {
            out.println("no month ends on or before " + day + ": nothing to purge");
        } else if (result.refused()) {
            out.println((dryRun ? "dry run: the purge would be refused" : "refused: nothing was deleted")
                    + " — retention holds events in " + result.months().stream().filter(PurgeCandidate::held).count() + " month(s)");
            return REFUSED_BY_RETENTION;
        } else {
            out.printf("%s%,d events in %d month(s)%n", dryRun ? "dry run: would purge " : "purged ",
                    result.months().stream().mapToLong(PurgeCandidate::events).sum(), result.months().size());
        }
        return 0;
    }
}
