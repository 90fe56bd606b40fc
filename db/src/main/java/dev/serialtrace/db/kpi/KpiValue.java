package dev.serialtrace.db.kpi;

/**
 * One KPI over a filter. {@code value} is numerator ÷ denominator for ratios (0..1), the median in
 * minutes for durations (then {@code p90} is set), the numerator for counts; null when there is
 * nothing to measure. {@code target} is NaN for KPIs watched as a trend.
 */
public record KpiValue(String code, String name, long numerator, long denominator, Double value, double target,
                       TrafficLight state, KpiKind kind, Double p90, String numeratorLabel, String denominatorLabel,
                       String definition) {

    public KpiCode kpi() {
        return KpiCode.valueOf(code);
    }

    public boolean hasTarget() {
        return !Double.isNaN(target);
    }

    /** The value as people read it: "97.4 %", "3 d 4 h", "1,234". */
    public String formattedValue() {
        return KpiFormat.value(kind, value);
    }

    public String formattedTarget() {
        if (!hasTarget()) {
            return "trend";
        }
        return (kpi().targetInclusive() ? "" : "> ") + KpiFormat.percent(target);
    }
}
