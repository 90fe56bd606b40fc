package dev.serialtrace.db.kpi;

import dev.serialtrace.db.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The operations charts on the hand-built {@link KpiFixture} (March 2026), answers worked out by hand. */
class KpiChartsTest {
    static final KpiFilter MARCH = KpiQueryTest.MARCH;
    static KpiFixture fx;
    static KpiChartsQuery charts;

    @BeforeAll
    static void build() {
        fx = new KpiFixture(TestDatabase.fresh());
        charts = new KpiChartsQuery(fx.dsl);
    }

    @Test
    void captureMixCountsEveryEventByStationShiftAndMethod() {
        // S1: receipts at dock D1 at 09:00 (2 scanned, L3 typed, L4 from the ASN), put away on A1 at 12:00 (3 scans),
        // L3 marked lost on A1 at 16:00 (system); S2: the pump received on D2 and stored on B2 (scans, 09:00 / 12:00)
        assertThat(charts.captureMix(MARCH))
                .extracting(CaptureMixCell::station, CaptureMixCell::shift, CaptureMixCell::method, CaptureMixCell::captures)
                .containsExactly(
                        tuple("A1", Shift.EARLY, "scan", 3L), tuple("A1", Shift.LATE, "system", 1L),
                        tuple("B2", Shift.EARLY, "scan", 1L),
                        tuple("D1", Shift.EARLY, "import", 1L), tuple("D1", Shift.EARLY, "manual", 1L),
                        tuple("D1", Shift.EARLY, "scan", 2L),
                        tuple("D2", Shift.EARLY, "scan", 1L));
        assertThat(charts.captureMix(new KpiFilter(MARCH.from(), MARCH.to(), fx.s2, null)))
                .extracting(CaptureMixCell::station).containsExactly("B2", "D2");
        assertThat(charts.captureMix(new KpiFilter(MARCH.from(), MARCH.to(), null, "medical")))
                .extracting(CaptureMixCell::station).containsExactly("B2", "D2");
        assertThat(charts.captureMix(KpiFilter.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)))).isEmpty();
    }

    @Test
    void aCaptureMixBarDrillsDownToTheTypedCapturesOfThatStationAndShift() {
        CaptureMixCell d1Early = cell("D1", Shift.EARLY);
        List<DrillRow> rows = charts.drillDown(d1Early, MARCH, 50, 0);
        assertThat(rows).extracting(DrillRow::serial, DrillRow::reference).containsExactly(tuple("LT0003", "label damaged"));
        assertThat(rows.get(0).eventId()).isNotNull();
        assertThat(rows.get(0).what()).contains("S1/D1").contains("early shift");
        assertThat(charts.drillDown(cell("A1", Shift.EARLY), MARCH, 50, 0)).isEmpty();   // scans only
        assertThat(charts.drillDown(d1Early, new KpiFilter(MARCH.from(), MARCH.to(), fx.s2, null), 50, 0)).isEmpty();
        assertThat(charts.drillDown(new CaptureMixCell("D1", "", Shift.LATE, "manual", 0), MARCH, 50, 0)).isEmpty();
    }

    @Test
    void lossesArePerSiteAndBucketWithEveryBucketOfThePeriod() {
        List<LossBar> bars = charts.losses(MARCH);
        assertThat(bars).hasSize(31);   // daily buckets for a month; only S1 lost anything
        assertThat(bars).filteredOn(b -> b.units() > 0)
                .extracting(LossBar::from, LossBar::site, LossBar::units)
                .containsExactly(tuple(LocalDate.of(2026, 3, 25), "S1", 1L));
        LossBar loss = bars.stream().filter(b -> b.units() > 0).findFirst().orElseThrow();
        assertThat(charts.drillDown(loss, MARCH, 50, 0)).extracting(DrillRow::serial).containsExactly("LT0003");
        LossBar dayBefore = bars.get(23);
        assertThat(dayBefore.from()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(charts.drillDown(dayBefore, MARCH, 50, 0)).isEmpty();

        KpiFilter quarter = KpiFilter.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));   // 181 days: weeks
        assertThat(charts.losses(quarter)).filteredOn(b -> b.units() > 0)
                .extracting(LossBar::from, LossBar::to).containsExactly(tuple(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 29)));
        assertThat(charts.losses(new KpiFilter(MARCH.from(), MARCH.to(), fx.s2, null))).isEmpty();
        assertThat(charts.losses(new KpiFilter(MARCH.from(), MARCH.to(), null, "medical"))).isEmpty();
    }

    @Test
    void claimTimesFallIntoTheirBinsAndEachBinDrillsDown() {
        // decided in March: WC-2 after 1 hour, WC-1 after 2 days, WC-4 after 3 days (WC-3 is pending)
        List<ClaimTimeBin> bins = charts.claimTimes(MARCH);
        assertThat(bins).extracting(ClaimTimeBin::label).containsExactly(
                "< 1 d", "1–2 d", "2–3 d", "3–5 d", "5–7 d", "7–10 d", "10–14 d", "14–21 d", "21–30 d", "≥ 30 d");
        assertThat(bins).extracting(ClaimTimeBin::claims).containsExactly(1L, 0L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(charts.drillDown(bins.get(2), MARCH, 50, 0)).extracting(DrillRow::reference).containsExactly("WC-1");
        assertThat(charts.drillDown(bins.get(0), MARCH, 50, 0)).extracting(DrillRow::reference).containsExactly("WC-2");
        assertThat(charts.drillDown(bins.get(3), MARCH, 50, 0)).extracting(DrillRow::serial).containsExactly("LT0003");
        // WC-4's unit was never shipped: its site is unknown, so S1 has only WC-1 and WC-2
        assertThat(charts.claimTimes(new KpiFilter(MARCH.from(), MARCH.to(), fx.s1, null)))
                .extracting(ClaimTimeBin::claims).containsExactly(1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(charts.claimTimes(new KpiFilter(MARCH.from(), MARCH.to(), null, "medical")))
                .allMatch(b -> b.claims() == 0);
    }

    private static CaptureMixCell cell(String station, Shift shift) {
        return charts.captureMix(MARCH).stream().filter(c -> c.station().equals(station) && c.shift() == shift)
                .findFirst().orElseThrow();
    }
}
