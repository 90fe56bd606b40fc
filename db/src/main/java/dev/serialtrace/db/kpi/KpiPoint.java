package dev.serialtrace.db.kpi;

import java.time.LocalDate;

/** One bucket (day, week or month starting at {@code start}) of a KPI's trend. */
public record KpiPoint(LocalDate start, LocalDate end, long numerator, long denominator, Double value) {
}
