package dev.serialtrace.db.kpi;

/**
 * Captures of one method at one station in one shift. A station is the work area one level below
 * the site (a dock or a zone; "" = events without a location).
 */
public record CaptureMixCell(String station, String stationName, Shift shift, String method, long captures)
        implements ChartPoint {
}
