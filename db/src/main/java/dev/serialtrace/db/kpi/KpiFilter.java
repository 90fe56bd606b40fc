package dev.serialtrace.db.kpi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a KPI is computed over: the UTC days {@code from}..{@code to} (both included), optionally one
 * site and one product category (null = all).
 */
public record KpiFilter(LocalDate from, LocalDate to, Long siteId, String category) {

    public KpiFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static KpiFilter of(LocalDate from, LocalDate to) {
        return new KpiFilter(from, to, null, null);
    }

    /** Number of days in the period. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length just before this one, same site and category. */
    public KpiFilter previous() {
        return new KpiFilter(from.minusDays(days()), from.minusDays(1), siteId, category);
    }

    public KpiFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new KpiFilter(newFrom, newTo, siteId, category);
    }
}
