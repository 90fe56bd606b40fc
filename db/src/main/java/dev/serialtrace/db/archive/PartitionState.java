package dev.serialtrace.db.archive;

import java.time.OffsetDateTime;

/** One partition of custody history: where it lives; from/to are null for the default partition. */
public record PartitionState(String name, String schema, String tablespace, OffsetDateTime from, OffsetDateTime to,
                             long estimatedEvents, long bytes, boolean archived) {
}
