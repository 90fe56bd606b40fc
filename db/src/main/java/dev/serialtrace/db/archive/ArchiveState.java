package dev.serialtrace.db.archive;

import java.util.List;
import java.util.Optional;

/** Where custody history lives now, the latest archive/purge run, and the retention rules. */
public record ArchiveState(List<PartitionState> partitions, Optional<ArchiveRun> latestRun, List<RetentionRule> rules) {
    public List<PartitionState> archived() {
        return partitions.stream().filter(PartitionState::archived).toList();
    }

    public long archivedBytes() {
        return archived().stream().mapToLong(PartitionState::bytes).sum();
    }

    /** e.g. "12 months archived (2023-11 – 2024-10, 1,234 MB); latest run: archive by admin on …". */
    public String summary() {
        List<PartitionState> a = archived();
        String where = a.isEmpty() ? "no month archived"
                : a.size() + " month(s) archived (" + month(a.get(0)) + " – " + month(a.get(a.size() - 1)) + ", "
                + String.format("%,d MB", archivedBytes() / (1024 * 1024)) + ")";
        return where + latestRun.map(r -> "; latest run: " + r.action() + " by " + r.runBy() + " on "
                + r.runAt().toLocalDate() + " (" + r.outcome() + ")").orElse("; no archive or purge run yet");
    }

    private static String month(PartitionState p) {
        return p.from() == null ? p.name() : p.from().toLocalDate().toString().substring(0, 7);
    }
}
