package dev.serialtrace.db.kpi;

/** How a KPI stands against its target. KPIs without a target are watched as a {@link #TREND}. */
public enum TrafficLight {
    GREEN, AMBER, RED,
    /** no target: compare with the previous period */
    TREND,
    /** nothing to measure in the period (denominator 0) */
    NO_DATA
}
