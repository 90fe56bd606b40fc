package dev.serialtrace.db.archive;

import java.time.OffsetDateTime;

/** A month of custody history that an archive run moved (or, in a dry run, would move). */
public record ArchivedPartition(String name, OffsetDateTime from, OffsetDateTime to, long estimatedEvents, long bytes,
                                boolean moved) {
}
