package dev.serialtrace.db.kpi;

/**
 * Units recorded stolen or lost in one zone of one site over the period. A zone is the location level
 * below the site ({@code zone} "A" for S1/A/01/02/3; "" = losses recorded without a location).
 */
public record LossZoneBar(long siteId, String site, String zone, String zoneName, long units) implements ChartPoint {
    /** "S1/A" (or "S1, no location"): how the chart names the bar. */
    public String label() {
        return zone.isEmpty() ? site + ", no location" : site + "/" + zone;
    }
}
