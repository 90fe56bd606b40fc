package dev.serialtrace.db.kpi;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Everything the dashboard's tiles show for one filter: values, the previous period's, and trends. */
public record KpiDashboard(KpiFilter filter, List<KpiValue> current, List<KpiValue> previous,
                           Map<KpiCode, KpiTrend> trends, OffsetDateTime computedAt) {

    public KpiValue current(KpiCode code) {
        return current.get(code.ordinal());
    }

    public KpiValue previous(KpiCode code) {
        return previous.get(code.ordinal());
    }
}
