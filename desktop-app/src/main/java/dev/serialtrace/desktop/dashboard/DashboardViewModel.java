package dev.serialtrace.desktop.dashboard;

import dev.serialtrace.db.kpi.CaptureMixCell;
import dev.serialtrace.db.kpi.ChartPoint;
import dev.serialtrace.db.kpi.ClaimTimeBin;
import dev.serialtrace.db.kpi.DrillRow;
import dev.serialtrace.db.kpi.FraudSignal;
import dev.serialtrace.db.kpi.KpiCharts;
import dev.serialtrace.db.kpi.KpiCode;
import dev.serialtrace.db.kpi.KpiDashboard;
import dev.serialtrace.db.kpi.KpiFilter;
import dev.serialtrace.db.kpi.KpiFormat;
import dev.serialtrace.db.kpi.KpiKind;
import dev.serialtrace.db.kpi.KpiPoint;
import dev.serialtrace.db.kpi.KpiValue;
import dev.serialtrace.db.kpi.LossBar;
import dev.serialtrace.db.kpi.LossZoneBar;
import dev.serialtrace.db.kpi.ReturnRate;
import dev.serialtrace.db.kpi.ReturnsAnalysisQuery.Dimension;
import dev.serialtrace.db.kpi.SerialRange;
import dev.serialtrace.db.kpi.SiteOption;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The dashboard: filters (period preset or custom, site, category), a tile per KPI with the
 * previous period beside it, the selected KPI's trend, the serials behind a tile or a trend point,
 * returns analysis and fraud signals. All queries run in the background; a newer refresh wins.
 */
public final class DashboardViewModel {
    public static final int PAGE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What this screen reads; the app gives the database's queries. */
    public interface Source {
        List<SiteOption> sites();

        List<String> categories();

        KpiDashboard dashboard(KpiFilter filter);

        List<DrillRow> drillDown(KpiCode code, KpiFilter filter, int limit, int offset);

        List<ReturnRate> returnsBy(Dimension dimension, KpiFilter filter);

        List<SerialRange> serialRanges(KpiFilter filter);

        List<FraudSignal> signals(KpiFilter filter, int limit);

        /** The operations charts: theft and loss by site and period, capture-method mix, claim times. */
        KpiCharts charts(KpiFilter filter);

        List<DrillRow> drillChart(ChartPoint point, KpiFilter filter, int limit, int offset);
    }

    /** One page of the open drill-down list. */
    private interface DrillPages {
        List<DrillRow> page(int limit, int offset);
    }

    /** The returns analysis and signals of one filter, loaded together. */
    record Analytics(List<ReturnRate> returns, List<SerialRange> ranges, List<FraudSignal> signals) {
    }

    private final TaskExecutor tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final LongConsumer openUnit;
    private Source source;
    private long generation;
    private long drillGeneration;
    private boolean active;

    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.LAST_12_MONTHS);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<SiteOption> site = new SimpleObjectProperty<>();
    private final ObjectProperty<String> category = new SimpleObjectProperty<>();
    private final ObservableList<SiteOption> sites = FXCollections.observableArrayList();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ObjectProperty<KpiCode> selected = new SimpleObjectProperty<>(KpiCode.CAPTURE_AT_RECEIVING);
    private final ObservableList<KpiPoint> trend = FXCollections.observableArrayList();
    private final ObservableList<DrillRow> drillRows = FXCollections.observableArrayList();
    private final StringProperty drillTitle = new SimpleStringProperty("");
    /**
     * Opens the drill-down list again for a new filter: the same tile, capture-mix segment, zone or claim-time
     * bin (those mean the same under any filter); a trend point's or loss bar's period gives way to the tile's.
     */
    private Runnable reopenDrill = this::drillSelectedTile;
    private final BooleanProperty moreRows = new SimpleBooleanProperty();
    private final StringProperty lastComputed = new SimpleStringProperty("Not computed yet");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Dimension> returnsDimension = new SimpleObjectProperty<>(Dimension.LOT);
    private final ObservableList<ReturnRate> returns = FXCollections.observableArrayList();
    private final ObservableList<SerialRange> ranges = FXCollections.observableArrayList();
    private final ObservableList<FraudSignal> signals = FXCollections.observableArrayList();
    private final ObservableList<LossBar> losses = FXCollections.observableArrayList();
    private final ObservableList<LossZoneBar> lossZones = FXCollections.observableArrayList();
    private final ObservableList<CaptureMixCell> captureMix = FXCollections.observableArrayList();
    private final ObservableList<ClaimTimeBin> claimTimes = FXCollections.observableArrayList();
    private KpiDashboard shown;
    private DrillPages drillPages;

    public DashboardViewModel(TaskExecutor tasks, Clock clock, ZoneId zone, LongConsumer openUnit) {
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.openUnit = openUnit;
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        to.set(today);
        from.set(Period.LAST_12_MONTHS.from(today));
    }

    /** The database is open: load the filter choices, then the tiles, once the dashboard is on screen. */
    public void connected(Source source) {
        this.source = source;
        if (active) {
            load();
        }
    }

    /** The dashboard is shown for the first time: nothing is computed before (startup stays light). */
    public void activate() {
        if (!active) {
            active = true;
            if (source != null) {
                load();
            }
        }
    }

    private void load() {
        tasks.execute(BackgroundTask.of(p -> {
                    p.update("Loading dashboard filters…", -1);
                    return new Object[]{source.sites(), source.categories()};
                })
                .onSuccess(r -> {
                    @SuppressWarnings("unchecked") List<SiteOption> s = (List<SiteOption>) r[0];
                    @SuppressWarnings("unchecked") List<String> c = (List<String>) r[1];
                    sites.setAll(s);
                    categories.setAll(c);
                    refresh();
                })
                .onOtherFailure(this::failed));
    }

    /** A preset moves the period to end today; choosing dates by hand makes it CUSTOM. */
    public void choosePeriod(Period p) {
        period.set(p);
        if (p != Period.CUSTOM) {
            LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
            to.set(today);
            from.set(p.from(today));
        }
        refresh();
    }

    public void chooseDates(LocalDate newFrom, LocalDate newTo) {
        if (newFrom == null || newTo == null || newTo.isBefore(newFrom)) {
            error.set("The period must end on or after its first day.");
            return;
        }
        period.set(Period.CUSTOM);
        from.set(newFrom);
        to.set(newTo);
        refresh();
    }

    public void chooseSite(SiteOption s) {
        site.set(s);
        refresh();
    }

    public void chooseCategory(String c) {
        category.set(c == null || c.isBlank() ? null : c);
        refresh();
    }

    public KpiFilter filter() {
        return new KpiFilter(from.get(), to.get(), site.get() == null ? null : site.get().id(), category.get());
    }

    /** Recomputes the tiles (and the open drill-down and analytics) for the current filter. */
    public void refresh() {
        if (source == null || !active) {
            return;
        }
        KpiFilter f = filter();
        long mine = ++generation;
        busy.set(true);
        error.set("");
        long t0 = System.nanoTime();
        tasks.execute(BackgroundTask.of(p -> {
                    p.update("Computing KPIs…", -1);
                    return source.dashboard(f);
                })
                .onSuccess(d -> {
                    if (mine != generation) {
                        return;   // a newer filter is on its way
                    }
                    busy.set(false);
                    show(d);
                    lastComputed.set(String.format(Locale.ROOT, "Computed %s (%.2f s)",
                            d.computedAt().atZoneSameInstant(zone).format(TIME), (System.nanoTime() - t0) / 1e9));
                    reopenDrill.run();
                    loadAnalytics();
                    loadCharts();
                })
                .onOtherFailure(e -> {
                    if (mine == generation) {
                        busy.set(false);
                        failed(e);
                    }
                }));
    }

    private void show(KpiDashboard d) {
        shown = d;
        List<Tile> out = new ArrayList<>();
        for (KpiValue v : d.current()) {
            KpiCode code = v.kpi();
            KpiValue before = d.previous(code);
            List<Double> spark = d.trends().get(code).points().stream().map(KpiPoint::value).toList();
            out.add(new Tile(code, v.name(), v.formattedValue(), v.hasTarget() ? "target " + v.formattedTarget() : "trend",
                    v.state(), counts(v), change(v, before), spark, v.definition()));
        }
        tiles.setAll(out);
        trend.setAll(d.trends().get(selected.get()).points());
    }

    static String counts(KpiValue v) {
        if (v.kind() == KpiKind.MEDIAN_MINUTES || v.kind() == KpiKind.MEDIAN_MICROS) {
            return v.value() == null ? "no " + v.denominatorLabel()
                    : String.format(Locale.ROOT, "%,d %s · p90 %s", v.denominator(), v.denominatorLabel(),
                            KpiFormat.duration(v.kind(), v.p90()));
        }
        if (v.numeratorLabel().equals(v.denominatorLabel())) {
            return String.format(Locale.ROOT, "%,d %s", v.numerator(), v.numeratorLabel());
        }
        return String.format(Locale.ROOT, "%,d / %,d %s", v.numerator(), v.denominator(), v.denominatorLabel());
    }

    /** "▲ 2.1 pts vs previous period", "no data before". */
    static String change(KpiValue now, KpiValue before) {
        if (now.value() == null || before.value() == null) {
            return "previous period: " + (before.value() == null ? "no data" : before.formattedValue());
        }
        double d = now.value() - before.value();
        String arrow = d > 0 ? "▲" : d < 0 ? "▼" : "=";
        String amount = switch (now.kind()) {
            case RATIO -> String.format(Locale.ROOT, "%.1f pts", Math.abs(d) * 100);
            case MEDIAN_MINUTES -> KpiFormat.duration(Math.abs(d));
            case MEDIAN_MICROS -> KpiFormat.micros(Math.abs(d));
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(Math.abs(d)));
        };
        return arrow + " " + amount + " vs previous (" + before.formattedValue() + ")";
    }

    /** Opens a tile: its trend and the serials behind it for the whole period. */
    public void select(KpiCode code) {
        reopenDrill = this::drillSelectedTile;
        selected.set(code);
        if (shown != null) {
            trend.setAll(shown.trends().get(code).points());
        }
        drill(code, filter());
    }

    /** A point of the trend: the serials behind that bucket only (a new filter goes back to the whole tile). */
    public void selectPoint(KpiPoint point) {
        reopenDrill = this::drillSelectedTile;
        drill(selected.get(), filter().withPeriod(point.start(), point.end()));
    }

    private void drillSelectedTile() {
        drill(selected.get(), filter());
    }

    private void drill(KpiCode code, KpiFilter f) {
        drill(code.title(), f, (limit, offset) -> source.drillDown(code, f, limit, offset));
    }

    /** A bar of the theft-and-loss chart: the units lost at that site in that bucket (a new filter goes back to the tile). */
    public void drillLoss(LossBar bar) {
        reopenDrill = this::drillSelectedTile;
        KpiFilter f = filter();
        drill("Theft and loss at " + bar.site(), f.withPeriod(bar.from(), bar.to()),
                (limit, offset) -> source.drillChart(bar, f, limit, offset));
    }

    /** A bar of the theft-and-loss-by-zone chart: the units lost in that zone of that site. */
    public void drillLossZone(LossZoneBar bar) {
        reopenDrill = () -> drillLossZone(bar);
        KpiFilter f = filter();
        drill("Theft and loss in " + bar.label() + (bar.zoneName().equals(bar.zone()) ? "" : " (" + bar.zoneName() + ")"), f,
                (limit, offset) -> source.drillChart(bar, f, limit, offset));
    }

    /** A segment of the capture-mix chart: the captures of that method at that station and shift. */
    public void drillCaptureMix(CaptureMixCell cell) {
        reopenDrill = () -> drillCaptureMix(cell);
        KpiFilter f = filter();
        drill(methodTitle(cell.method()) + " captures at " + cell.stationName() + ", " + cell.shift().label(), f,
                (limit, offset) -> source.drillChart(cell, f, limit, offset));
    }

    private static String methodTitle(String method) {
        return switch (method) {
            case "manual" -> "Typed";
            case "scan" -> "Scanned";
            case "import" -> "Imported";
            case "system" -> "System";
            default -> method;
        };
    }

    /** A bar of the claim-time histogram: the claims decided after that long. */
    public void drillClaimTime(ClaimTimeBin bin) {
        reopenDrill = () -> drillClaimTime(bin);
        KpiFilter f = filter();
        drill("Claims decided in " + bin.label(), f, (limit, offset) -> source.drillChart(bin, f, limit, offset));
    }

    private void drill(String title, KpiFilter shownPeriod, DrillPages pages) {
        if (source == null) {
            return;
        }
        drillPages = pages;
        long mine = ++drillGeneration;
        String head = title + " · " + shownPeriod.from() + " … " + shownPeriod.to() + " · ";
        drillTitle.set(head + "loading…");
        tasks.execute(BackgroundTask.of(p -> pages.page(PAGE + 1, 0))
                .onSuccess(rows -> {
                    if (mine != drillGeneration) {
                        return;
                    }
                    moreRows.set(rows.size() > PAGE);
                    drillRows.setAll(rows.subList(0, Math.min(PAGE, rows.size())));
                    drillTitle.set(head + (rows.isEmpty() ? "no serials behind this" : drillRows.size() + (moreRows.get() ? "+" : "") + " serials"));
                })
                .onOtherFailure(this::failed));
    }

    /** The next page of the open drill-down. */
    public void loadMore() {
        DrillPages pages = drillPages;
        int offset = drillRows.size();
        long mine = drillGeneration;
        tasks.execute(BackgroundTask.of(p -> pages.page(PAGE + 1, offset))
                .onSuccess(rows -> {
                    if (mine != drillGeneration) {
                        return;
                    }
                    moreRows.set(rows.size() > PAGE);
                    drillRows.addAll(rows.subList(0, Math.min(PAGE, rows.size())));
                })
                .onOtherFailure(this::failed));
    }

    public void open(DrillRow row) {
        openUnit.accept(row.unitId());
    }

    public void chooseReturnsDimension(Dimension d) {
        returnsDimension.set(d);
        loadAnalytics();
    }

    private void loadAnalytics() {
        if (source == null) {
            return;
        }
        KpiFilter f = filter();
        Dimension d = returnsDimension.get();
        long mine = generation;
        tasks.execute(BackgroundTask.of(p -> {
                    p.update("Analysing returns…", -1);
                    return new Analytics(source.returnsBy(d, f), source.serialRanges(f), source.signals(f, 500));
                })
                .onSuccess(a -> {
                    if (mine != generation) {
                        return;
                    }
                    returns.setAll(a.returns());
                    ranges.setAll(a.ranges());
                    signals.setAll(a.signals());
                })
                .onOtherFailure(this::failed));
    }

    private void loadCharts() {
        if (source == null) {
            return;
        }
        KpiFilter f = filter();
        long mine = generation;
        tasks.execute(BackgroundTask.of(p -> {
                    p.update("Computing charts…", -1);
                    return source.charts(f);
                })
                .onSuccess(c -> {
                    if (mine != generation) {
                        return;
                    }
                    losses.setAll(c.losses());
                    lossZones.setAll(c.lossZones());
                    captureMix.setAll(c.captureMix());
                    claimTimes.setAll(c.claimTimes());
                })
                .onOtherFailure(this::failed));
    }

    /** A cell's share of all captures of its station and shift (0..1). */
    public double share(CaptureMixCell cell) {
        long all = captureMix.stream().filter(c -> c.station().equals(cell.station()) && c.shift() == cell.shift())
                .mapToLong(CaptureMixCell::captures).sum();
        return all == 0 ? 0 : (double) cell.captures() / all;
    }

    private void failed(Throwable e) {
        error.set("Could not compute the dashboard: " + (e.getMessage() == null ? e.toString() : e.getMessage())
                + " — check the connection and press Refresh.");
    }

    // ---------------------------------------------------------------- CSV of what a chart shows

    public String trendCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (KpiPoint p : trend) {
            rows.add(List.of(selected.get().name(), p.start(), p.end(), p.numerator(), p.denominator(),
                    p.value() == null ? "" : p.value()));
        }
        return Csv.of(List.of("kpi", "from", "to", "numerator", "denominator", "value"), rows);
    }

    public String tilesCsv() {
        List<List<Object>> rows = new ArrayList<>();
        if (shown != null) {
            for (KpiValue v : shown.current()) {
                KpiValue b = shown.previous(v.kpi());
                rows.add(java.util.Arrays.asList(v.code(), v.name(), v.numerator(), v.denominator(), v.value(),
                        v.hasTarget() ? v.target() : null, v.state(), b.numerator(), b.denominator(), b.value()));
            }
        }
        return Csv.of(List.of("kpi", "name", "numerator", "denominator", "value", "target", "state",
                "previous_numerator", "previous_denominator", "previous_value"), rows);
    }

    public String returnsCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (ReturnRate r : returns) {
            rows.add(java.util.Arrays.asList(returnsDimension.get().name().toLowerCase(Locale.ROOT), r.label(), r.shipped(),
                    r.returned(), r.rate(), r.ciLow(), r.ciHigh(), r.zScore(), r.outlier()));
        }
        return Csv.of(List.of("dimension", "group", "shipped", "returned", "rate", "ci95_low", "ci95_high", "z", "outlier"), rows);
    }

    public String drillCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (DrillRow r : drillRows) {
            rows.add(java.util.Arrays.asList(r.internalId(), r.serial(), r.product(), r.occurredAt(), r.what(), r.reference()));
        }
        return Csv.of(List.of("internal_id", "serial", "product", "when", "what", "reference"), rows);
    }

    public String signalsCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (FraudSignal s : signals) {
            rows.add(java.util.Arrays.asList(s.kind().name(), s.at(), s.serial(), s.reference(), s.evidence()));
        }
        return Csv.of(List.of("signal", "when", "serial", "reference", "evidence"), rows);
    }

    public String lossesCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (LossBar b : losses) {
            rows.add(List.of(b.from(), b.to(), b.site(), b.units()));
        }
        return Csv.of(List.of("from", "to", "site", "units_lost"), rows);
    }

    public String lossZonesCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (LossZoneBar z : lossZones) {
            rows.add(List.of(z.site(), z.zone(), z.zoneName(), z.units()));
        }
        return Csv.of(List.of("site", "zone", "zone_name", "units_lost"), rows);
    }

    public String captureMixCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (CaptureMixCell c : captureMix) {
            rows.add(List.of(c.station(), c.stationName(), c.shift().code(), c.method(), c.captures(), share(c)));
        }
        return Csv.of(List.of("station", "station_name", "shift", "method", "captures", "share"), rows);
    }

    public String claimTimesCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (ClaimTimeBin b : claimTimes) {
            rows.add(java.util.Arrays.asList(b.label(), b.loMinutes(), b.hiMinutes(), b.claims()));
        }
        return Csv.of(List.of("bin", "from_minutes", "to_minutes", "claims_decided"), rows);
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<Period> periodProperty() { return period; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public ObjectProperty<SiteOption> siteProperty() { return site; }
    public ObjectProperty<String> categoryProperty() { return category; }
    public ObservableList<SiteOption> sites() { return sites; }
    public ObservableList<String> categories() { return categories; }
    public ObservableList<Tile> tiles() { return tiles; }
    public ObjectProperty<KpiCode> selectedProperty() { return selected; }
    public ObservableList<KpiPoint> trend() { return trend; }
    public ObservableList<DrillRow> drillRows() { return drillRows; }
    public StringProperty drillTitleProperty() { return drillTitle; }
    public BooleanProperty moreRowsProperty() { return moreRows; }
    public StringProperty lastComputedProperty() { return lastComputed; }
    public StringProperty errorProperty() { return error; }
    public BooleanProperty busyProperty() { return busy; }
    public ObjectProperty<Dimension> returnsDimensionProperty() { return returnsDimension; }
    public ObservableList<ReturnRate> returns() { return returns; }
    public ObservableList<SerialRange> ranges() { return ranges; }
    public ObservableList<FraudSignal> signals() { return signals; }
    public ObservableList<LossBar> losses() { return losses; }
    public ObservableList<LossZoneBar> lossZones() { return lossZones; }
    public ObservableList<CaptureMixCell> captureMix() { return captureMix; }
    public ObservableList<ClaimTimeBin> claimTimes() { return claimTimes; }
}
