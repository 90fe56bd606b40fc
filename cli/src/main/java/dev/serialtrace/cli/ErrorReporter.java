package dev.serialtrace.cli;

import dev.serialtrace.db.connect.DatabaseException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Failures become a sentence and a hint on stderr, not a stack trace. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (e instanceof DatabaseException db) {
            err.println("error: " + db.getMessage());
            if (db.hint() != null) {
                err.println("  what to do: " + db.hint());
            }
        } else if (e instanceof org.jooq.exception.DataAccessException dae) {
            // the database refused (permission, rule): its own sentence says why
            String m = dae.getCause() != null && dae.getCause().getMessage() != null ? dae.getCause().getMessage() : dae.getMessage();
            err.println("error: the database refused: " + m.lines().findFirst().orElse(m).replaceFirst("^ERROR: ", ""));
        } else if (e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: " + e);
            err.println("  (details are in the log; run with -Dserialtrace.debug=true to see the stack trace)");
        }
        LoggerFactory.getLogger(ErrorReporter.class).debug("command failed", e);
        err.flush();
        return FAILURE;
    }
}
