package dev.serialtrace.db.archive;

import java.time.OffsetDateTime;
import java.util.List;

/** A recorded archive or purge run (refused purges included). */
public record ArchiveRun(long id, OffsetDateTime runAt, String runBy, String action, OffsetDateTime cutoff,
                         String tablespace, List<String> partitions, long events, long bytes, String outcome,
                         String detail) {
}
