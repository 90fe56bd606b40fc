package dev.serialtrace.cli;

import dev.serialtrace.db.demo.DemoDataGenerator;

import java.io.PrintWriter;

/** Progress on stderr: one line per phase, updated at most every half second. */
final class ProgressPrinter implements DemoDataGenerator.Progress {
    private final PrintWriter err;
    private final boolean console = System.console() != null;
    private String phase = "";
    private long lastPrint;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String newPhase, long done, long total) {
        long now = System.nanoTime();
        boolean phaseChanged = !newPhase.equals(phase);
        if (!phaseChanged && now - lastPrint < 500_000_000L && done < total) {
            return;
        }
        lastPrint = now;
        String line = total > 0 ? String.format("%s: %,d / %,d (%d%%)", newPhase, done, total, done * 100 / total) : newPhase;
        if (console) {
            err.print((phaseChanged && !phase.isEmpty() ? "\n" : "\r") + line + "\u001b[K");
        } else if (phaseChanged || done >= total) {
            err.println(line);
        }
        phase = newPhase;
        err.flush();
    }

    void finish() {
        if (console && !phase.isEmpty()) {
            err.println();
        }
        err.flush();
    }
}
