package dev.serialtrace.db.kpi;

import java.time.OffsetDateTime;

/** A serial (and its event, if one) behind a KPI: what the dashboard lists when a tile is opened. */
public record DrillRow(long unitId, String internalId, String serial, String product, Long eventId,
                       OffsetDateTime occurredAt, String what, String reference) {
}
