package dev.serialtrace.db.status;

import java.time.OffsetDateTime;
import java.util.Map;

/** What `db info` and the connection summary show. Counts are exact. */
public record DatabaseStatus(
        String url,
        String user,
        boolean embedded,
        String serverVersion,
        String schemaVersion,
        Map<String, Long> rowCounts,
        OffsetDateTime newestEvent,
        long databaseBytes) {

    public long units() {
        return rowCounts.getOrDefault("unit", 0L);
    }

    public long events() {
        return rowCounts.getOrDefault("custody_event", 0L);
    }
}
