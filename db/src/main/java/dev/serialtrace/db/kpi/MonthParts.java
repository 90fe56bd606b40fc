package dev.serialtrace.db.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How to add up a period from monthly roll-ups and day rows with the fewest day rows: the months
 * [firstMonth, pastMonth) are read whole, then each range of {@link #days()} is added, or subtracted when
 * the month row of a partial month is cheaper to take whole less the days outside the period (a period
 * ending today: its month less the days after today, usually none). {@code firstMonth == pastMonth} reads no month.
 */
record MonthParts(LocalDate firstMonth, LocalDate pastMonth, List<Days> days) {
    /** Day rows from {@code from} to {@code to} inclusive, added or (subtract) taken off. */
    record Days(LocalDate from, LocalDate to, boolean subtract) {
    }

    static MonthParts of(LocalDate from, LocalDate to) {
        LocalDate firstMonth = from.withDayOfMonth(1);
        LocalDate lastMonth = to.withDayOfMonth(1);
        List<Days> days = new ArrayList<>();
        // each partial month at an end: its days inside the period, or its month row less the days outside
        if (firstMonth.equals(lastMonth)) {
            LocalDate monthEnd = firstMonth.plusMonths(1).minusDays(1);
            long inside = to.toEpochDay() - from.toEpochDay() + 1;
            long outside = monthEnd.toEpochDay() - firstMonth.toEpochDay() + 1 - inside;
            if (outside >= inside) {
                return new MonthParts(firstMonth, firstMonth, List.of(new Days(from, to, false)));
            }
            addRange(days, firstMonth, from.minusDays(1), true);
            addRange(days, to.plusDays(1), monthEnd, true);
            return new MonthParts(firstMonth, firstMonth.plusMonths(1), days);
        }
        boolean wholeFirst = true;
        boolean wholeLast = true;
        if (from.getDayOfMonth() != 1) {
            long inside = firstMonth.plusMonths(1).toEpochDay() - from.toEpochDay();
            long outside = from.toEpochDay() - firstMonth.toEpochDay();
            if (outside < inside) {
                days.add(new Days(firstMonth, from.minusDays(1), true));
            } else {
                days.add(new Days(from, firstMonth.plusMonths(1).minusDays(1), false));
                wholeFirst = false;
            }
        }
        LocalDate monthEnd = lastMonth.plusMonths(1).minusDays(1);
        if (!to.equals(monthEnd)) {
            long inside = to.toEpochDay() - lastMonth.toEpochDay() + 1;
            long outside = monthEnd.toEpochDay() - to.toEpochDay();
            if (outside < inside) {
                days.add(new Days(to.plusDays(1), monthEnd, true));
            } else {
                days.add(new Days(lastMonth, to, false));
                wholeLast = false;
            }
        }
        return new MonthParts(wholeFirst ? firstMonth : firstMonth.plusMonths(1),
                wholeLast ? lastMonth.plusMonths(1) : lastMonth, days);
    }

    private static void addRange(List<Days> days, LocalDate from, LocalDate to, boolean subtract) {
        if (!from.isAfter(to)) {
            days.add(new Days(from, to, subtract));
        }
    }
}
