package dev.serialtrace.core.identify.gs1;

import java.time.LocalDate;
import java.time.YearMonth;

/** GS1 six-digit dates: YYMMDD with the century from the sliding window of GS1 General Specifications §7.12. */
public final class Gs1Dates {

    private Gs1Dates() {
    }

    /**
     * The four-digit year for {@code yy}: up to 50 years back and 49 ahead of the reference year,
     * so dates on goods made recently or expiring soon land in the right century.
     */
    public static int year(int yy, LocalDate reference) {
        int current = reference.getYear();
        int century = current - Math.floorMod(current, 100);
        int diff = yy - Math.floorMod(current, 100);
        if (diff >= 51) {
            return century - 100 + yy;
        }
        if (diff <= -50) {
            return century + 100 + yy;
        }
        return century + yy;
    }

    /**
     * Reads YYMMDD. With {@code zeroDayMeansLastDay} (the dictionary's {@code yymmd0}), DD = 00
     * stands for the last day of the month. Throws {@link DateProblem} naming the bad part.
     */
    public static LocalDate parse(String yymmdd, LocalDate reference, boolean zeroDayMeansLastDay) {
        int year = year(Integer.parseInt(yymmdd.substring(0, 2)), reference);
        return parse(year, yymmdd.substring(2, 6), 2, zeroDayMeansLastDay);
    }

    /** Reads YYYYMMDD. */
    public static LocalDate parseFullYear(String yyyymmdd, boolean zeroDayMeansLastDay) {
        return parse(Integer.parseInt(yyyymmdd.substring(0, 4)), yyyymmdd.substring(4, 8), 4, zeroDayMeansLastDay);
    }

    private static LocalDate parse(int year, String mmdd, int offset, boolean zeroDay) {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2, 4));
        if (month < 1 || month > 12) {
            throw new DateProblem("illegal month " + mmdd.substring(0, 2), offset);
        }
        YearMonth ym = YearMonth.of(year, month);
        if (day == 0 && zeroDay) {
            return ym.atEndOfMonth();
        }
        if (day < 1 || day > ym.lengthOfMonth()) {
            throw new DateProblem("illegal day " + mmdd.substring(2, 4) + " for " + ym, offset + 2);
        }
        return ym.atDay(day);
    }

    /** A date that does not exist; {@code offset} points at the month or day digits. */
    public static final class DateProblem extends RuntimeException {
        private final int offset;

        DateProblem(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }
}
