package dev.serialtrace.db.kpi;

import java.util.List;

/** A KPI's value per bucket over a period: the sparkline and the trend chart. */
public record KpiTrend(KpiCode code, Bucket bucket, List<KpiPoint> points) {

    public enum Bucket {
        DAY, WEEK, MONTH;

        String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** A bucket size that gives a readable number of points for a period of {@code days}. */
        public static Bucket forDays(long days) {
            return days <= 45 ? DAY : days <= 200 ? WEEK : MONTH;
        }
    }
}
