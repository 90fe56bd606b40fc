package dev.serialtrace.db.kpi;

/** Warranty claims decided in the period that took {@code loMinutes} ≤ time < {@code hiMinutes} (null: open). */
public record ClaimTimeBin(int loMinutes, Integer hiMinutes, String label, long claims) implements ChartPoint {
}
