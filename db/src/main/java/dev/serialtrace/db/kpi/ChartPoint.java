package dev.serialtrace.db.kpi;

/** A bar of one of the dashboard's operations charts: what its drill-down lists the serials of. */
public sealed interface ChartPoint permits LossBar, LossZoneBar, CaptureMixCell, ClaimTimeBin {
}
