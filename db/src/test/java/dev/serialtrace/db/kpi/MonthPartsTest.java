package dev.serialtrace.db.kpi;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class MonthPartsTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void aYearEndingTodayReadsItsMonthsWholeAndTakesOffOnlyTheDaysAfterToday() {
        MonthParts p = MonthParts.of(d("2025-11-27"), d("2026-11-26"));
        assertThat(p.firstMonth()).isEqualTo(d("2025-12-01"));
        assertThat(p.pastMonth()).isEqualTo(d("2026-12-01"));
        assertThat(p.days()).containsExactly(new MonthParts.Days(d("2025-11-27"), d("2025-11-30"), false),
                new MonthParts.Days(d("2026-11-27"), d("2026-11-30"), true));
    }

    @Test
    void eachPartialMonthTakesWhicheverSideHasFewerDays() {
        MonthParts p = MonthParts.of(d("2026-02-10"), d("2026-03-05"));
        assertThat(p.firstMonth()).isEqualTo(d("2026-02-01"));   // February less its first 9 days
        assertThat(p.pastMonth()).isEqualTo(d("2026-03-01"));    // March 1–5 as days
        assertThat(p.days()).containsExactly(new MonthParts.Days(d("2026-02-01"), d("2026-02-09"), true),
                new MonthParts.Days(d("2026-03-01"), d("2026-03-05"), false));
    }

    @Test
    void withinOneMonthItIsTheDaysOrTheMonthLessBothEnds() {
        MonthParts few = MonthParts.of(d("2026-03-10"), d("2026-03-12"));
        assertThat(few.firstMonth()).isEqualTo(few.pastMonth());
        assertThat(few.days()).containsExactly(new MonthParts.Days(d("2026-03-10"), d("2026-03-12"), false));
        MonthParts most = MonthParts.of(d("2026-03-02"), d("2026-03-30"));
        assertThat(most.firstMonth()).isEqualTo(d("2026-03-01"));
        assertThat(most.pastMonth()).isEqualTo(d("2026-04-01"));
        assertThat(most.days()).containsExactly(new MonthParts.Days(d("2026-03-01"), d("2026-03-01"), true),
                new MonthParts.Days(d("2026-03-31"), d("2026-03-31"), true));
        MonthParts whole = MonthParts.of(d("2026-02-01"), d("2026-04-30"));
        assertThat(whole.firstMonth()).isEqualTo(d("2026-02-01"));
        assertThat(whole.pastMonth()).isEqualTo(d("2026-05-01"));
        assertThat(whole.days()).isEmpty();
    }
}
