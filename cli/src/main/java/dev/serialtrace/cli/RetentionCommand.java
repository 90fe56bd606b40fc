package dev.serialtrace.cli;

import dev.serialtrace.db.archive.ArchiveRun;
import dev.serialtrace.db.archive.DataLifecycle;
import dev.serialtrace.db.archive.PartitionState;
import dev.serialtrace.db.archive.RetentionRule;
import dev.serialtrace.db.connect.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Retention rules, where custody history lives (archived or not), and the archive/purge runs.",
        subcommands = {RetentionCommand.ListRules.class, RetentionCommand.Partitions.class, RetentionCommand.Runs.class})
final class RetentionCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The retention rules: which products each holds and for how long (anyone may read them).")
    static final class ListRules implements Runnable {
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = connection.open(spec.commandLine().getErr())) {
                for (RetentionRule r : new DataLifecycle(db.dsl()).rules()) {
                    out.printf("%-16s %-28s %s%n%16s   %s%n", r.regulation(), r.describeScope(), r.describeAge(), "", r.citation());
                }
            }
        }
    }

    @Command(name = "partitions", mixinStandardHelpOptions = true,
            description = "Each month of custody history: schema (public or archive), tablespace, events (estimate), size.")
    static final class Partitions implements Runnable {
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = connection.open(spec.commandLine().getErr())) {
                for (PartitionState p : new DataLifecycle(db.dsl()).partitions()) {
                    out.printf("%-24s %-8s %-12s %-10s ≈%,12d events %,8d MB%n", p.name(), p.schema(), p.tablespace(),
                            p.from() == null ? "(default)" : p.from().toLocalDate().toString().substring(0, 7),
                            p.estimatedEvents(), p.bytes() / (1024 * 1024));
                }
            }
        }
    }

    @Command(name = "runs", mixinStandardHelpOptions = true, description = "The archive and purge runs, newest first.")
    static final class Runs implements Runnable {
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;
        @Option(names = "--limit", defaultValue = "20", description = "how many (default ${DEFAULT-VALUE})")
        int limit;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = connection.open(spec.commandLine().getErr())) {
                for (ArchiveRun r : new DataLifecycle(db.dsl()).runs(limit)) {
                    out.printf("#%d %s %-7s by %s, before %s: %s, %d month(s), %,d events%s%n", r.id(),
                            r.runAt().withNano(0), r.action(), r.runBy(), r.cutoff().toLocalDate(), r.outcome(),
                            r.partitions().size(), r.events(), r.detail() == null ? "" : " — " + r.detail());
                }
            }
        }
    }
}
