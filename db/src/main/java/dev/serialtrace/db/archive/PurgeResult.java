package dev.serialtrace.db.archive;

import java.time.LocalDate;
import java.util.List;

/** The outcome of a purge: refused as a whole when retention holds any event of any month asked for. */
public record PurgeResult(LocalDate before, boolean dryRun, List<PurgeCandidate> months) {
    public boolean refused() {
        return months.stream().anyMatch(PurgeCandidate::held);
    }

    public long purgedEvents() {
        return months.stream().filter(PurgeCandidate::purged).mapToLong(PurgeCandidate::events).sum();
    }
}
