package dev.serialtrace.db.kpi;

import java.time.LocalDate;

/**
 * The whole calendar months of a period as [first, past): what a view reads from the monthly roll-ups
 * (migration V120); the days before {@code first} and from {@code past} on come from the day tables.
 * {@code first == past} when the period holds no whole month.
 */
record WholeMonths(LocalDate first, LocalDate past) {
    static WholeMonths of(LocalDate from, LocalDate to) {
        LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate past = to.plusDays(1).withDayOfMonth(1);
        return new WholeMonths(first, past.isAfter(first) ? past : first);
    }
}
