package dev.serialtrace.desktop.dashboard;

import java.time.LocalDate;

/** Period presets of the dashboard; each ends today (inclusive) except CUSTOM. */
public enum Period {
    LAST_7_DAYS("Last 7 days"), LAST_30_DAYS("Last 30 days"), LAST_90_DAYS("Last 90 days"),
    LAST_12_MONTHS("Last 12 months"), YEAR_TO_DATE("Year to date"), CUSTOM("Custom");

    private final String label;

    Period(String label) {
        this.label = label;
    }

    /** First day of the preset ending on {@code today}; CUSTOM keeps whatever was chosen. */
    LocalDate from(LocalDate today) {
        return switch (this) {
            case LAST_7_DAYS -> today.minusDays(6);
            case LAST_30_DAYS -> today.minusDays(29);
            case LAST_90_DAYS -> today.minusDays(89);
            case LAST_12_MONTHS, CUSTOM -> today.minusYears(1).plusDays(1);
            case YEAR_TO_DATE -> today.withDayOfYear(1);
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
