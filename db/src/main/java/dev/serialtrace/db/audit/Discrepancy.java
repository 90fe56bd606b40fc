package dev.serialtrace.db.audit;

import java.time.OffsetDateTime;

/** A difference between the records and the shelf, and how it was resolved (null until then). */
public record Discrepancy(long id, long auditId, String kind, Long unitId, String serial, String internalId,
                          String locationPath, String scanRaw, String detail, String resolution, String reason,
                          String resolvedBy, OffsetDateTime resolvedAt, Long resolutionEventId) {
    public boolean resolved() {
        return resolution != null;
    }
}
