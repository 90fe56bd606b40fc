package dev.serialtrace.desktop.dashboard;

import dev.serialtrace.db.kpi.DrillRow;
import dev.serialtrace.db.kpi.FraudSignal;
import dev.serialtrace.db.kpi.FraudSignalQuery;
import dev.serialtrace.db.kpi.KpiCode;
import dev.serialtrace.db.kpi.KpiDashboard;
import dev.serialtrace.db.kpi.KpiFilter;
import dev.serialtrace.db.kpi.KpiFixture;
import dev.serialtrace.db.kpi.KpiQuery;
import dev.serialtrace.db.kpi.ReturnRate;
import dev.serialtrace.db.kpi.ReturnsAnalysisQuery;
import dev.serialtrace.db.kpi.SerialRange;
import dev.serialtrace.db.kpi.SiteOption;
import dev.serialtrace.db.kpi.TrafficLight;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's view model on the hand-built KPI warehouse, without the toolkit. */
class DashboardViewModelTest {
    static KpiFixture fx;
    static DashboardViewModel.Source source;

    @BeforeAll
    static void warehouse() {
        fx = new KpiFixture(TestDatabase.fresh());
        KpiQuery kpi = new KpiQuery(fx.dsl);
        ReturnsAnalysisQuery returns = new ReturnsAnalysisQuery(fx.dsl);
        FraudSignalQuery signals = new FraudSignalQuery(fx.dsl);
        dev.serialtrace.db.kpi.KpiChartsQuery charts = new dev.serialtrace.db.kpi.KpiChartsQuery(fx.dsl);
        source = new DashboardViewModel.Source() {
            public List<SiteOption> sites() { return kpi.sites(); }
            public List<String> categories() { return kpi.categories(); }
            public KpiDashboard dashboard(KpiFilter f) { return kpi.dashboard(f); }
            public List<DrillRow> drillDown(KpiCode c, KpiFilter f, int l, int o) { return kpi.drillDown(c, f, l, o); }
            public List<ReturnRate> returnsBy(ReturnsAnalysisQuery.Dimension d, KpiFilter f) { return returns.by(d, f); }
            public List<SerialRange> serialRanges(KpiFilter f) { return returns.serialRanges(f, 20, 2); }
            public List<FraudSignal> signals(KpiFilter f, int l) { return signals.signals(f, l); }
            public dev.serialtrace.db.kpi.KpiCharts charts(KpiFilter f) { return charts.charts(f); }
            public List<DrillRow> drillChart(dev.serialtrace.db.kpi.ChartPoint p, KpiFilter f, int l, int o) {
                return charts.drillDown(p, f, l, o);
            }
        };
    }

    private final List<Long> opened = new ArrayList<>();

    private DashboardViewModel vm(String today) {
        DashboardViewModel vm = new DashboardViewModel(new CurrentThreadTaskExecutor(),
                Clock.fixed(Instant.parse(today + "T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC, opened::add);
        vm.connected(source);
        assertThat(vm.tiles()).isEmpty();   // nothing is computed before the dashboard is shown
        vm.activate();
        return vm;
    }

    @Test
    void presetsEndTodayAndTilesCompareWithThePreviousPeriod() {
        DashboardViewModel vm = vm("2026-04-14");
        vm.choosePeriod(Period.LAST_90_DAYS);
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2026, 1, 15));
        Tile capture = vm.tiles().get(KpiCode.CAPTURE_AT_RECEIVING.ordinal());
        assertThat(capture.value()).isEqualTo("80.0 %");
        assertThat(capture.target()).isEqualTo("target 100 %");
        assertThat(capture.state()).isEqualTo(TrafficLight.RED);
        assertThat(capture.change()).isEqualTo("previous period: no data");
        assertThat(capture.sparkline()).hasSize(14);   // weeks (from Monday 12 January to Monday 13 April) over 90 days

        vm.chooseDates(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 4, 14));   // previous: 14 Feb – 15 Mar
        Tile rate = vm.tiles().get(KpiCode.DB_GROWTH.ordinal());
        assertThat(rate.value()).isEqualTo("1");       // the loss on 25 March
        assertThat(rate.change()).isEqualTo("▼ 8 vs previous (9)");
        assertThat(vm.periodProperty().get()).isEqualTo(Period.CUSTOM);
    }

    @Test
    void aBackwardPeriodIsRefusedWithAReasonAndKeepsTheTiles() {
        DashboardViewModel vm = vm("2026-04-14");
        List<Tile> before = List.copyOf(vm.tiles());
        vm.chooseDates(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 1));
        assertThat(vm.errorProperty().get()).contains("must end on or after");
        assertThat(vm.tiles()).isEqualTo(before);
    }

    @Test
    void drillDownOfATileAndOfATrendPointAndOpeningAUnit() {
        DashboardViewModel vm = vm("2026-04-14");
        vm.select(KpiCode.RETURN_RATE);
        assertThat(vm.drillRows()).extracting(DrillRow::serial).containsExactly("LT0002", "LT0001");
        vm.chooseDates(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));   // daily points
        var day = vm.trend().stream().filter(p -> p.start().equals(LocalDate.of(2026, 3, 20))).findFirst().orElseThrow();
        assertThat(day.numerator()).isEqualTo(1);
        vm.selectPoint(day);
        assertThat(vm.drillRows()).extracting(DrillRow::serial).containsExactly("LT0001");   // RMA-1; RMA-2 came a day later
        vm.open(vm.drillRows().get(0));
        assertThat(opened).containsExactly(fx.l1);
    }

    @Test
    void chartDataExportsAsCsv() {
        DashboardViewModel vm = vm("2026-04-14");
        vm.choosePeriod(Period.LAST_30_DAYS);
        vm.select(KpiCode.CAPTURE_AT_RECEIVING);
        assertThat(vm.trendCsv()).startsWith("kpi,from,to,numerator,denominator,value\r\n")
                .contains("CAPTURE_AT_RECEIVING,2026-03-16,2026-03-16,0,0,\r\n");
        assertThat(vm.tilesCsv()).contains("SCAN_RATIO,Scan vs manual,");
        vm.choosePeriod(Period.LAST_90_DAYS);
        assertThat(vm.signalsCsv()).contains("CLAIM_OTHER_CUSTOMER")
                .contains("claim WC-2 by Web Shop US Inc.; the unit was shipped to Retail Europe BV on 2026-03-05 (OUT-1)");
    }

    @Test
    void operationsChartsFollowTheFilterDrillDownAndExport() {
        DashboardViewModel vm = vm("2026-04-14");
        vm.chooseDates(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        var d1Manual = d1(vm, "manual");
        assertThat(vm.share(d1Manual)).isEqualTo(0.25);   // 1 typed of 4 receipts on dock D1, early shift
        vm.drillCaptureMix(d1Manual);
        assertThat(vm.drillRows()).extracting(DrillRow::serial).containsExactly("LT0003");
        assertThat(vm.drillTitleProperty().get()).startsWith("Typed captures at D1, early 06–14").endsWith("1 serials");
        assertThat(vm.captureMixCsv()).contains("D1,D1,early,manual,1,0.25\r\n");

        var loss = vm.losses().stream().filter(b -> b.units() > 0).findFirst().orElseThrow();
        vm.drillLoss(loss);
        assertThat(vm.drillRows()).extracting(DrillRow::serial).containsExactly("LT0003");
        assertThat(vm.drillTitleProperty().get()).startsWith("Theft and loss at S1 · 2026-03-25 … 2026-03-25");
        assertThat(vm.lossesCsv()).contains("2026-03-25,2026-03-25,S1,1\r\n");

        var zone = vm.lossZones().get(0);   // L3, lost on shelf A1 of S1 (directly below the site)
        assertThat(zone.label()).isEqualTo("S1/A1");
        vm.drillLossZone(zone);
        assertThat(vm.drillRows()).extracting(DrillRow::serial).containsExactly("LT0003");
        assertThat(vm.drillTitleProperty().get()).startsWith("Theft and loss in S1/A1").endsWith("1 serials");
        assertThat(vm.lossZonesCsv()).contains("S1,A1,A1,1\r\n");

        var d1Scans = d1(vm, "scan");
        vm.drillCaptureMix(d1Scans);
        assertThat(vm.drillRows()).extracting(DrillRow::serial).containsExactlyInAnyOrder("LT0001", "LT0002");
        assertThat(vm.drillTitleProperty().get()).startsWith("Scanned captures at D1, early 06–14").endsWith("2 serials");

        vm.drillClaimTime(vm.claimTimes().get(0));
        assertThat(vm.drillRows()).extracting(DrillRow::reference).containsExactly("WC-2");
        assertThat(vm.claimTimesCsv()).contains("< 1 d,0,1440,1\r\n").contains("≥ 30 d,43200,,0\r\n");

        vm.chooseSite(site(vm, "S2"));
        assertThat(vm.captureMix()).extracting(c -> c.station()).containsOnly("B2", "D2");
        assertThat(vm.losses()).isEmpty();
    }

    @Test
    void theOpenChartDrillDownFollowsAChangeOfFilter() {
        DashboardViewModel vm = vm("2026-04-14");
        vm.chooseDates(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        var d1Scans = d1(vm, "scan");
        vm.drillCaptureMix(d1Scans);
        assertThat(vm.drillRows()).extracting(DrillRow::serial).containsExactlyInAnyOrder("LT0001", "LT0002");
        // the same segment under the new filter, not the selected tile's list: D1 is at S1, so nothing at S2
        vm.chooseSite(site(vm, "S2"));
        assertThat(vm.drillTitleProperty().get()).startsWith("Scanned captures at D1, early 06–14").endsWith("no serials behind this");
        assertThat(vm.drillRows()).isEmpty();
        vm.chooseSite(site(vm, "S1"));
        assertThat(vm.drillRows()).extracting(DrillRow::serial).containsExactlyInAnyOrder("LT0001", "LT0002");

        // a loss bar is one period's: a new filter goes back to the selected tile
        vm.select(KpiCode.THEFT_LOSS);
        vm.drillLoss(vm.losses().stream().filter(b -> b.units() > 0).findFirst().orElseThrow());
        assertThat(vm.drillTitleProperty().get()).startsWith("Theft and loss at S1");
        vm.chooseDates(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31));
        assertThat(vm.drillTitleProperty().get()).startsWith(KpiCode.THEFT_LOSS.title() + " · 2026-03-02");
    }

    /** The first capture-mix segment of dock D1 for {@code method} (the hand-built data has one, early shift). */
    private static dev.serialtrace.db.kpi.CaptureMixCell d1(DashboardViewModel vm, String method) {
        return vm.captureMix().stream().filter(c -> c.station().equals("D1") && c.method().equals(method)).findFirst().orElseThrow();
    }

    private static SiteOption site(DashboardViewModel vm, String code) {
        return vm.sites().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }
}
