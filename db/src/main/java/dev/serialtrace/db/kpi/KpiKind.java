package dev.serialtrace.db.kpi;

/** How a KPI's value is formed from its numerator and denominator. */
public enum KpiKind {
    /** numerator ÷ denominator, shown as a percentage */
    RATIO,
    /** median duration in minutes (p90 beside it) over the denominator's cases */
    MEDIAN_MINUTES,
    /** median duration in microseconds (p90 beside it) over the denominator's cases: the system's own timings */
    MEDIAN_MICROS,
    /** a count (the numerator); the denominator gives the scale */
    COUNT
}
