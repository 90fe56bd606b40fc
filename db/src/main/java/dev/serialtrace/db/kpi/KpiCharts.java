package dev.serialtrace.db.kpi;

import java.util.List;

/**
 * The operations charts of one filter: theft and loss by site and period and by zone, capture-method mix,
 * claim times.
 */
public record KpiCharts(KpiFilter filter, List<LossBar> losses, List<LossZoneBar> lossZones,
                        List<CaptureMixCell> captureMix, List<ClaimTimeBin> claimTimes) {
}
