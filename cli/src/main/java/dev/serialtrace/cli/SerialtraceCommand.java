package dev.serialtrace.cli;

import picocli.CommandLine.Command;

@Command(name = "serialtrace",
        description = "Serial-number tracking: find any unit, see its chain of custody, audit, report.%n"
                + "Without a command, ./serialtrace opens the desktop app.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {DbCommand.class, DemoDataCommand.class, ParseCommand.class, LookupCommand.class,
                SearchCommand.class, BenchCommand.class, ReportCommand.class,
                VerifyCommand.class, UsersCommand.class, EpcisCommand.class, ReconcileCommand.class, KpiCommand.class,
                ArchiveCommand.class, PurgeCommand.class, RetentionCommand.class})
final class SerialtraceCommand {
}
