package dev.serialtrace.db.kpi;

import java.time.LocalDate;

/** Units recorded stolen or lost at one site ({@code siteId} 0: unknown) in one bucket of the period. */
public record LossBar(LocalDate from, LocalDate to, long siteId, String site, long units) implements ChartPoint {
}
