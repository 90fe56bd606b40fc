package dev.serialtrace.db.audit;

import java.time.OffsetDateTime;

/**
 * A location as planning shows it.
 *
 * @param lastCountedAt when a closed audit last counted it, or null (never)
 * @param due           never counted, or not within the counting interval
 * @param risk          the weight a risk-weighted sample gives it (value, regulated units, recent discrepancies, age of the last count)
 */
public record LocationToCount(long locationId, String path, String kind, int units, double value, int regulatedUnits,
                              int recentDiscrepancies, OffsetDateTime lastCountedAt, boolean due, double risk) {
}
