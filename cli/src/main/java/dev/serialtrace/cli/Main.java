package dev.serialtrace.cli;

import picocli.CommandLine;

/** Entry point of the {@code serialtrace} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 && DesktopHandOff.start()) {
            return;
        }
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SerialtraceCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli.execute(args);
    }
}
