package dev.serialtrace.desktop.dashboard;

import dev.serialtrace.db.kpi.CaptureMixCell;
import dev.serialtrace.db.kpi.ClaimTimeBin;
import dev.serialtrace.db.kpi.DrillRow;
import dev.serialtrace.db.kpi.FraudSignal;
import dev.serialtrace.db.kpi.KpiCode;
import dev.serialtrace.db.kpi.KpiFormat;
import dev.serialtrace.db.kpi.KpiKind;
import dev.serialtrace.db.kpi.KpiPoint;
import dev.serialtrace.db.kpi.LossBar;
import dev.serialtrace.db.kpi.LossZoneBar;
import dev.serialtrace.db.kpi.ReturnRate;
import dev.serialtrace.db.kpi.ReturnsAnalysisQuery.Dimension;
import dev.serialtrace.db.kpi.SerialRange;
import dev.serialtrace.db.kpi.SiteOption;
import dev.serialtrace.desktop.common.DialogService;
import dev.serialtrace.desktop.common.Formats;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/** Binds the dashboard view to its view model; draws tiles, sparklines and charts. */
public final class DashboardController {
    /** Tiles refresh by themselves this often while the dashboard is open. */
    static final Duration AUTO_REFRESH = Duration.minutes(5);
    private static final String ALL_SITES = "All sites";
    private static final String ALL_CATEGORIES = "All categories";

    private final DashboardViewModel vm;
    private final DialogService dialogs;
    private final ZoneId zone;
    private boolean syncing;

    @FXML private ChoiceBox<Period> periodChoice;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private ComboBox<Object> siteChoice;
    @FXML private ComboBox<String> categoryChoice;
    @FXML private Button refreshButton;
    @FXML private ProgressIndicator busy;
    @FXML private Label lastComputed;
    @FXML private FlowPane tilePane;
    @FXML private Label trendTitle;
    @FXML private LineChart<String, Number> trendChart;
    @FXML private NumberAxis trendAxis;
    @FXML private Label drillTitle;
    @FXML private Button drillReportThis;
    private java.util.function.Consumer<java.util.List<String>> onReportThis = ids -> { };
    @FXML private Button moreButton;
    @FXML private TableView<DrillRow> drillTable;
    @FXML private TableColumn<DrillRow, String> drillIdCol;
    @FXML private TableColumn<DrillRow, String> drillSerialCol;
    @FXML private TableColumn<DrillRow, String> drillProductCol;
    @FXML private TableColumn<DrillRow, String> drillWhenCol;
    @FXML private TableColumn<DrillRow, String> drillWhatCol;
    @FXML private TableColumn<DrillRow, String> drillRefCol;
    @FXML private ChoiceBox<Dimension> dimensionChoice;
    @FXML private TableView<ReturnRate> returnsTable;
    @FXML private TableColumn<ReturnRate, String> retGroupCol;
    @FXML private TableColumn<ReturnRate, Number> retShippedCol;
    @FXML private TableColumn<ReturnRate, Number> retReturnedCol;
    @FXML private TableColumn<ReturnRate, String> retRateCol;
    @FXML private TableColumn<ReturnRate, String> retCiCol;
    @FXML private TableColumn<ReturnRate, String> retZCol;
    @FXML private TableColumn<ReturnRate, String> retOutlierCol;
    @FXML private BarChart<String, Number> returnsChart;
    @FXML private TableView<SerialRange> rangesTable;
    @FXML private TableColumn<SerialRange, String> rangeProductCol;
    @FXML private TableColumn<SerialRange, String> rangeFirstCol;
    @FXML private TableColumn<SerialRange, String> rangeLastCol;
    @FXML private TableColumn<SerialRange, Number> rangeShippedCol;
    @FXML private TableColumn<SerialRange, Number> rangeReturnedCol;
    @FXML private TableColumn<SerialRange, String> rangeRateCol;
    @FXML private TableColumn<SerialRange, String> rangeOutlierCol;
    @FXML private Label signalsTitle;
    @FXML private TableView<FraudSignal> signalsTable;
    @FXML private TableColumn<FraudSignal, String> sigKindCol;
    @FXML private TableColumn<FraudSignal, String> sigWhenCol;
    @FXML private TableColumn<FraudSignal, String> sigSerialCol;
    @FXML private TableColumn<FraudSignal, String> sigRefCol;
    @FXML private TableColumn<FraudSignal, String> sigEvidenceCol;
    @FXML private Label error;
    @FXML private StackedBarChart<String, Number> mixChart;
    @FXML private CategoryAxis mixAxis;
    @FXML private StackedBarChart<String, Number> lossChart;
    @FXML private CategoryAxis lossAxis;
    @FXML private BarChart<String, Number> lossZoneChart;
    @FXML private CategoryAxis lossZoneAxis;
    @FXML private BarChart<String, Number> claimChart;
    @FXML private Label opsDrillTitle;
    @FXML private Button opsMoreButton;
    @FXML private TableView<DrillRow> opsDrillTable;

    public DashboardController(DashboardViewModel vm, DialogService dialogs, ZoneId zone) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.zone = zone;
    }

    /**
     * "Report this" on a drill-down: the chain-of-custody report of the serials listed (as loaded; "More"
     * loads further pages first), which is what the drill-down is the evidence for.
     */
    public void setOnReportThis(java.util.function.Consumer<java.util.List<String>> handler) {
        this.onReportThis = handler;
    }

    @FXML
    private void reportThis() {
        java.util.List<String> ids = vm.drillRows().stream().map(DrillRow::internalId).distinct().toList();
        if (!ids.isEmpty()) {
            onReportThis.accept(ids);
        }
    }

    @FXML
    private void initialize() {
        periodChoice.getItems().setAll(Period.values());
        periodChoice.setValue(vm.periodProperty().get());
        periodChoice.setOnAction(e -> {
            if (!syncing && periodChoice.getValue() != null && periodChoice.getValue() != Period.CUSTOM) {
                vm.choosePeriod(periodChoice.getValue());
            }
        });
        var iso = new javafx.util.converter.LocalDateStringConverter(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE,
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
        fromDate.setConverter(iso);
        toDate.setConverter(iso);
        fromDate.setValue(vm.fromProperty().get());
        toDate.setValue(vm.toProperty().get());
        fromDate.setOnAction(e -> datesChanged());
        toDate.setOnAction(e -> datesChanged());
        vm.periodProperty().addListener((o, a, p) -> sync(() -> periodChoice.setValue(p)));
        vm.fromProperty().addListener((o, a, d) -> sync(() -> fromDate.setValue(d)));
        vm.toProperty().addListener((o, a, d) -> sync(() -> toDate.setValue(d)));

        siteChoice.getItems().setAll(ALL_SITES);
        siteChoice.setValue(ALL_SITES);
        vm.sites().addListener((ListChangeListener<SiteOption>) c -> sync(() -> {
            siteChoice.getItems().setAll(ALL_SITES);
            siteChoice.getItems().addAll(vm.sites());
            siteChoice.setValue(ALL_SITES);
        }));
        siteChoice.setOnAction(e -> {
            if (!syncing) {
                vm.chooseSite(siteChoice.getValue() instanceof SiteOption s ? s : null);
            }
        });
        categoryChoice.getItems().setAll(ALL_CATEGORIES);
        categoryChoice.setValue(ALL_CATEGORIES);
        vm.categories().addListener((ListChangeListener<String>) c -> sync(() -> {
            categoryChoice.getItems().setAll(ALL_CATEGORIES);
            categoryChoice.getItems().addAll(vm.categories());
            categoryChoice.setValue(ALL_CATEGORIES);
        }));
        categoryChoice.setOnAction(e -> {
            if (!syncing) {
                String c = categoryChoice.getValue();
                vm.chooseCategory(ALL_CATEGORIES.equals(c) ? null : c);
            }
        });

        busy.visibleProperty().bind(vm.busyProperty());
        lastComputed.textProperty().bind(vm.lastComputedProperty());
        error.textProperty().bind(vm.errorProperty());
        vm.tiles().addListener((ListChangeListener<Tile>) c -> drawTiles());
        vm.trend().addListener((ListChangeListener<KpiPoint>) c -> drawTrend());
        vm.selectedProperty().addListener((o, a, s) -> drawTiles());

        drillTitle.textProperty().bind(vm.drillTitleProperty());
        moreButton.visibleProperty().bind(vm.moreRowsProperty());
        drillTable.setItems(vm.drillRows());
        drillReportThis.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.drillRows()));
        text(drillIdCol, DrillRow::internalId);
        text(drillSerialCol, DrillRow::serial);
        text(drillProductCol, DrillRow::product);
        text(drillWhenCol, r -> r.occurredAt() == null ? "" : Formats.inZone(r.occurredAt(), zone));
        text(drillWhatCol, DrillRow::what);
        text(drillRefCol, DrillRow::reference);
        opensDossier(drillTable);

        // the operations tab lists the same drill-down as the KPI tab, with its own table
        opsDrillTitle.textProperty().bind(vm.drillTitleProperty());
        opsMoreButton.visibleProperty().bind(vm.moreRowsProperty());
        opsDrillTable.setItems(vm.drillRows());
        for (TableColumn<DrillRow, ?> c : drillTable.getColumns()) {
            @SuppressWarnings("unchecked") TableColumn<DrillRow, String> source = (TableColumn<DrillRow, String>) c;
            TableColumn<DrillRow, String> copy = new TableColumn<>(source.getText());
            copy.setPrefWidth(source.getPrefWidth());
            copy.setCellValueFactory(source.getCellValueFactory());
            opsDrillTable.getColumns().add(copy);
        }
        opensDossier(opsDrillTable);
        vm.captureMix().addListener((ListChangeListener<CaptureMixCell>) c -> drawCaptureMix());
        vm.losses().addListener((ListChangeListener<LossBar>) c -> drawLosses());
        vm.lossZones().addListener((ListChangeListener<LossZoneBar>) c -> drawLossZones());
        vm.claimTimes().addListener((ListChangeListener<ClaimTimeBin>) c -> drawClaimTimes());

        dimensionChoice.getItems().setAll(Dimension.values());
        dimensionChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Dimension d) {
                return d == null ? "" : d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT);
            }

            @Override
            public Dimension fromString(String s) {
                return Dimension.valueOf(s.toUpperCase(Locale.ROOT));
            }
        });
        dimensionChoice.setValue(vm.returnsDimensionProperty().get());
        dimensionChoice.setOnAction(e -> vm.chooseReturnsDimension(dimensionChoice.getValue()));
        returnsTable.setItems(vm.returns());
        text(retGroupCol, ReturnRate::label);
        number(retShippedCol, ReturnRate::shipped);
        number(retReturnedCol, ReturnRate::returned);
        text(retRateCol, r -> r.rate() == null ? "—" : KpiFormat.percent(r.rate()));
        text(retCiCol, r -> r.rate() == null ? "—" : KpiFormat.percent(r.ciLow()) + " – " + KpiFormat.percent(r.ciHigh()));
        text(retZCol, r -> String.format(Locale.ROOT, "%.1f", r.zScore()));
        text(retOutlierCol, r -> r.outlier() ? "⚠ outlier" : "");
        vm.returns().addListener((ListChangeListener<ReturnRate>) c -> drawReturns());
        rangesTable.setItems(vm.ranges());
        text(rangeProductCol, SerialRange::product);
        text(rangeFirstCol, SerialRange::firstSerial);
        text(rangeLastCol, SerialRange::lastSerial);
        number(rangeShippedCol, r -> r.rate().shipped());
        number(rangeReturnedCol, r -> r.rate().returned());
        text(rangeRateCol, r -> r.rate().rate() == null ? "—" : KpiFormat.percent(r.rate().rate()));
        text(rangeOutlierCol, r -> r.rate().outlier() ? "⚠ outlier" : "");

        signalsTable.setItems(vm.signals());
        text(sigKindCol, s -> s.kind().title());
        text(sigWhenCol, s -> s.at() == null ? "" : Formats.inZone(s.at(), zone));
        text(sigSerialCol, FraudSignal::serial);
        text(sigRefCol, FraudSignal::reference);
        text(sigEvidenceCol, FraudSignal::evidence);
        signalsTable.setRowFactory(t -> {
            TableRow<FraudSignal> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().unitId() != null) {
                    vm.open(new DrillRow(row.getItem().unitId(), "", row.getItem().serial(), "", null, null, "", ""));
                }
            });
            return row;
        });
        signalsTitle.textProperty().bind(javafx.beans.binding.Bindings.size(vm.signals())
                .asString("%d signals in the period (all sites and categories)"));

        Timeline auto = new Timeline(new KeyFrame(AUTO_REFRESH, e -> vm.refresh()));
        auto.setCycleCount(Timeline.INDEFINITE);
        auto.play();
    }

    private void opensDossier(TableView<DrillRow> table) {
        table.setRowFactory(t -> {
            TableRow<DrillRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                vm.open(table.getSelectionModel().getSelectedItem());
            }
        });
    }

    private void sync(Runnable r) {
        syncing = true;
        try {
            r.run();
        } finally {
            syncing = false;
        }
    }

    private void datesChanged() {
        if (syncing) {
            return;
        }
        vm.chooseDates(fromDate.getValue(), toDate.getValue());
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    @FXML
    private void more() {
        vm.loadMore();
    }

    private void drawTiles() {
        tilePane.getChildren().clear();
        for (Tile t : vm.tiles()) {
            tilePane.getChildren().add(tile(t));
        }
    }

    private VBox tile(Tile t) {
        Label name = new Label(t.name());
        name.getStyleClass().add("kpi-name");
        Region light = new Region();
        light.getStyleClass().addAll("kpi-light", "kpi-light-" + t.state().name().toLowerCase(Locale.ROOT));
        light.setMinSize(12, 12);
        light.setMaxSize(12, 12);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, name, gap, light);
        Label value = new Label(t.value());
        value.setId("value-" + t.code().name());
        value.getStyleClass().add("kpi-value");
        Label target = new Label(t.target());
        target.getStyleClass().add("text-muted");
        HBox values = new HBox(8, value, target);
        values.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        Label counts = new Label(t.counts());
        counts.setId("counts-" + t.code().name());
        counts.getStyleClass().add("kpi-counts");
        Label change = new Label(t.change());
        change.getStyleClass().add("text-muted");
        VBox box = new VBox(3, head, values, counts, change, sparkline(t.sparkline()));
        box.setId("tile-" + t.code().name());
        box.getStyleClass().addAll("kpi-tile", "kpi-" + t.state().name().toLowerCase(Locale.ROOT));
        if (t.code() == vm.selectedProperty().get()) {
            box.getStyleClass().add("kpi-selected");
        }
        box.setPrefWidth(250);
        box.setCursor(Cursor.HAND);
        Tooltip.install(box, new Tooltip(t.definition()));
        box.setOnMouseClicked(e -> vm.select(t.code()));
        return box;
    }

    private static Pane sparkline(List<Double> values) {
        double w = 220;
        double h = 28;
        Pane p = new Pane();
        p.setPrefSize(w, h);
        p.setMinHeight(h);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Double v : values) {
            if (v != null) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == Double.MAX_VALUE || values.size() < 2) {
            return p;
        }
        Polyline line = new Polyline();
        line.getStyleClass().add("kpi-sparkline");
        double span = max - min == 0 ? 1 : max - min;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v != null) {
                line.getPoints().addAll(i * w / (values.size() - 1), h - 2 - (v - min) / span * (h - 4));
            }
        }
        p.getChildren().add(line);
        return p;
    }

    private void drawTrend() {
        KpiCode code = vm.selectedProperty().get();
        boolean ratio = code.kind() == KpiKind.RATIO;
        trendTitle.setText(code.title() + " — trend" + (ratio ? " (%)" : code.kind() == KpiKind.MEDIAN_MINUTES ? " (median hours)"
                : code.kind() == KpiKind.MEDIAN_MICROS ? " (median ms)" : ""));
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (KpiPoint p : vm.trend()) {
            if (p.value() == null) {
                continue;
            }
            double v = ratio ? p.value() * 100 : code.kind() == KpiKind.MEDIAN_MINUTES ? p.value() / 60
                    : code.kind() == KpiKind.MEDIAN_MICROS ? p.value() / 1000 : p.value();
            XYChart.Data<String, Number> d = new XYChart.Data<>(Formats.date(p.start()), v);
            d.nodeProperty().addListener((o, a, node) -> {
                if (node != null) {
                    node.setCursor(Cursor.HAND);
                    Tooltip.install(node, new Tooltip(p.start() + " … " + p.end() + ": " + p.numerator() + " / " + p.denominator()));
                    node.setOnMouseClicked(e -> vm.selectPoint(p));
                }
            });
            series.getData().add(d);
        }
        trendChart.getData().setAll(List.of(series));
    }

    private void drawReturns() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        vm.returns().stream().filter(r -> r.rate() != null && r.shipped() > 0).limit(15).forEach(r -> {
            XYChart.Data<String, Number> d = new XYChart.Data<>(r.label(), r.rate() * 100);
            d.nodeProperty().addListener((o, a, node) -> {
                if (node != null && r.outlier()) {
                    node.getStyleClass().add("returns-outlier");
                }
            });
            series.getData().add(d);
        });
        returnsChart.getData().setAll(List.of(series));
    }

    private static final List<String> METHODS = List.of("scan", "manual", "system", "import");

    /** One stacked bar per station and shift, a segment per capture method (% of that bar's events). */
    private void drawCaptureMix() {
        List<String> categories = new java.util.ArrayList<>();
        java.util.Map<String, XYChart.Series<String, Number>> series = new java.util.LinkedHashMap<>();
        for (String m : METHODS) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(m);
            series.put(m, s);
        }
        for (CaptureMixCell c : vm.captureMix()) {
            String category = (c.station().isEmpty() ? "—" : c.station()) + " · " + c.shift().code();
            if (!categories.contains(category)) {
                categories.add(category);
            }
            XYChart.Data<String, Number> d = new XYChart.Data<>(category, vm.share(c) * 100);
            clickable(d, c.stationName() + ", " + c.shift().label() + ": " + String.format(Locale.ROOT, "%,d %s (%.1f %%)",
                    c.captures(), c.method(), vm.share(c) * 100), () -> vm.drillCaptureMix(c),
                    "mixbar-" + (c.station().isEmpty() ? "none" : c.station()) + "-" + c.shift().code() + "-" + c.method());
            series.computeIfAbsent(c.method(), k -> {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(k);
                return s;
            }).getData().add(d);
        }
        mixChart.getData().clear();
        mixAxis.getCategories().setAll(categories);
        mixChart.getData().setAll(series.values());
    }

    /** One stacked bar per bucket of the period, a segment per site. */
    private void drawLosses() {
        List<String> categories = new java.util.ArrayList<>();
        java.util.Map<String, XYChart.Series<String, Number>> series = new java.util.LinkedHashMap<>();
        for (LossBar b : vm.losses()) {
            String category = Formats.date(b.from());
            if (!categories.contains(category)) {
                categories.add(category);
            }
            XYChart.Data<String, Number> d = new XYChart.Data<>(category, b.units());
            clickable(d, b.site() + " " + b.from() + " … " + b.to() + ": " + b.units() + " units lost",
                    () -> vm.drillLoss(b), "lossbar-" + b.site() + "-" + b.from());
            series.computeIfAbsent(b.site(), k -> {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(k);
                return s;
            }).getData().add(d);
        }
        lossChart.getData().clear();
        lossAxis.getCategories().setAll(categories);
        lossChart.getData().setAll(series.values());
    }

    /** One bar per zone of each site with losses in the period, most first (the biggest 15). */
    private void drawLossZones() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        List<String> categories = new java.util.ArrayList<>();
        vm.lossZones().stream().limit(15).forEach(z -> {
            categories.add(z.label());
            XYChart.Data<String, Number> d = new XYChart.Data<>(z.label(), z.units());
            clickable(d, z.label() + " " + z.zoneName() + ": " + z.units() + " units lost", () -> vm.drillLossZone(z),
                    "losszone-" + z.site() + "-" + (z.zone().isEmpty() ? "none" : z.zone()));
            series.getData().add(d);
        });
        lossZoneChart.getData().clear();
        lossZoneAxis.getCategories().setAll(categories);
        lossZoneChart.getData().setAll(List.of(series));
    }

    private void drawClaimTimes() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        int i = 0;
        for (ClaimTimeBin b : vm.claimTimes()) {
            XYChart.Data<String, Number> d = new XYChart.Data<>(b.label(), b.claims());
            clickable(d, b.label() + ": " + b.claims() + " claims decided", () -> vm.drillClaimTime(b), "claimbar-" + i++);
            series.getData().add(d);
        }
        claimChart.getData().setAll(List.of(series));
    }

    private static void clickable(XYChart.Data<String, Number> d, String tip, Runnable onClick, String id) {
        d.nodeProperty().addListener((o, a, node) -> {
            if (node != null) {
                node.setId(id);
                node.setCursor(Cursor.HAND);
                Tooltip.install(node, new Tooltip(tip));
                node.setOnMouseClicked(e -> onClick.run());
            }
        });
    }

    @FXML private void exportCaptureMix() { export("capture-mix.csv", vm::captureMixCsv); }
    @FXML private void exportLosses() { export("theft-and-loss.csv", vm::lossesCsv); }
    @FXML private void exportLossZones() { export("theft-and-loss-by-zone.csv", vm::lossZonesCsv); }
    @FXML private void exportClaimTimes() { export("claim-times.csv", vm::claimTimesCsv); }
    @FXML private void exportTiles() { export("kpi-tiles.csv", vm::tilesCsv); }
    @FXML private void exportTrend() { export("kpi-trend-" + vm.selectedProperty().get().name().toLowerCase(Locale.ROOT) + ".csv", vm::trendCsv); }
    @FXML private void exportDrill() { export("kpi-drilldown.csv", vm::drillCsv); }
    @FXML private void exportReturns() { export("returns.csv", vm::returnsCsv); }
    @FXML private void exportSignals() { export("signals.csv", vm::signalsCsv); }

    private void export(String name, Supplier<String> csv) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(tilePane.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file.toPath(), csv.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            dialogs.showError("Could not save " + file.getName(), String.valueOf(e.getMessage()), "Choose another folder and try again; nothing was written.");
        }
    }

    private static <S> void text(TableColumn<S, String> col, Function<S, String> f) {
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(f.apply(c.getValue())));
    }

    private static <S> void number(TableColumn<S, Number> col, Function<S, Number> f) {
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(f.apply(c.getValue())));
    }
}
