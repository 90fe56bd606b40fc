package dev.serialtrace.desktop.unit;

import dev.serialtrace.db.unit.KitTree;
import dev.serialtrace.db.unit.ReturnEntry;
import dev.serialtrace.db.unit.TemperatureHistory;
import dev.serialtrace.db.unit.UnitDossier;
import dev.serialtrace.db.unit.UnitIdentity;
import dev.serialtrace.db.unit.WarrantyRecord;
import dev.serialtrace.desktop.common.Formats;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** Binds the dossier view to its view model; builds the identity grid and the temperature chart. */
public final class UnitDossierController {
    private static final PseudoClass FLAGGED = PseudoClass.getPseudoClass("flagged");
    private static final PseudoClass GAP = PseudoClass.getPseudoClass("gap");
    private static final DateTimeFormatter CHART_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private static final int MAX_CHART_POINTS = 400;

    private final UnitDossierViewModel vm;
    private final ZoneId zone;
    private TemperatureHistory chartShown;

    @FXML private Button back;
    @FXML private Label productName;
    @FXML private Label status;
    @FXML private ProgressIndicator loading;
    @FXML private Button cancelLoad;
    @FXML private Label expiryWarning;
    @FXML private Label error;
    @FXML private GridPane identity;
    @FXML private ChoiceBox<TimelineKind> kind;
    @FXML private ToggleButton detailed;
    @FXML private Label timelineCounts;
    @FXML private TableView<TimelineRow> timeline;
    @FXML private TableColumn<TimelineRow, String> whenCol, stepCol, dispositionCol, routeCol, partiesCol, documentsCol,
            methodCol, actorCol, flagsCol;
    @FXML private TextArea eventDetails;
    @FXML private Tab kitTab, temperatureTab;
    @FXML private Hyperlink parent;
    @FXML private TableView<KitTree.Member> kitChildren;
    @FXML private TableColumn<KitTree.Member, String> childIdCol, childSerialCol, childProductCol, childStatusCol, childLocationCol;
    @FXML private Label exposureSummary;
    @FXML private LineChart<Number, Number> temperatureChart;
    @FXML private NumberAxis timeAxis;
    @FXML private Label warrantySummary;
    @FXML private TableView<WarrantyRecord.ClaimEntry> claims;
    @FXML private TableColumn<WarrantyRecord.ClaimEntry, String> claimNumberCol, claimOpenedCol, claimDecidedCol,
            claimOutcomeCol, claimantCol, claimRegionCol, claimSignalsCol;
    @FXML private TableView<ReturnEntry> returns;
    @FXML private TableColumn<ReturnEntry, String> rmaCol, rmaCustomerCol, rmaOpenedCol, rmaReasonCol, rmaAuthorisedCol,
            rmaReceivedCol;

    @FXML private javafx.scene.control.Button reportThis;
    private java.util.function.Consumer<String> onReportThis = id -> { };

    /** "Report this": the chain-of-custody report for the unit on screen (wired to the reports screen). */
    public void setOnReportThis(java.util.function.Consumer<String> handler) {
        this.onReportThis = handler;
    }

    @FXML
    private void reportThis() {
        if (vm.dossierProperty().get() != null) {
            onReportThis.accept(vm.dossierProperty().get().identity().internalId());
        }
    }

    public UnitDossierController(UnitDossierViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
    }

    private java.util.function.Consumer<dev.serialtrace.db.unit.UnitIdentity> onCustomerQuery = u -> { };

    /** What "Customer query…" does with the unit on screen (issue 6: the customer-query KPI's writer). */
    public void setOnCustomerQuery(java.util.function.Consumer<dev.serialtrace.db.unit.UnitIdentity> action) {
        this.onCustomerQuery = action;
    }

    @FXML
    private void customerQuery() {
        if (vm.dossierProperty().get() != null) {
            onCustomerQuery.accept(vm.dossierProperty().get().identity());
        }
    }

    private Runnable onExportEpcis = () -> { };

    /** What "Export EPCIS…" does (issue 9: the Exchange screen's export of the open unit). */
    public void setOnExportEpcis(Runnable action) {
        this.onExportEpcis = action;
    }

    @FXML
    private void exportEpcis() {
        onExportEpcis.run();
    }

    @FXML
    private void initialize() {
        back.disableProperty().bind(vm.canGoBackProperty().not());
        loading.visibleProperty().bind(vm.loadingProperty());
        cancelLoad.visibleProperty().bind(vm.loadingProperty());
        bindBanner(expiryWarning, vm.expiryWarningProperty());
        bindBanner(error, vm.errorProperty());

        kind.setItems(FXCollections.observableArrayList(TimelineKind.values()));
        kind.valueProperty().bindBidirectional(vm.timelineKindProperty());
        detailed.setSelected(!vm.compactProperty().get());
        vm.compactProperty().bind(detailed.selectedProperty().not());
        for (TableColumn<TimelineRow, String> c : java.util.List.of(partiesCol, documentsCol, actorCol)) {
            c.visibleProperty().bind(detailed.selectedProperty());
        }
        column(whenCol, TimelineRow::when);
        column(stepCol, TimelineRow::step);
        column(dispositionCol, TimelineRow::disposition);
        column(routeCol, TimelineRow::route);
        column(partiesCol, TimelineRow::parties);
        column(documentsCol, r -> r.entry().documents());
        column(methodCol, TimelineRow::method);
        column(actorCol, r -> r.entry().actor());
        column(flagsCol, r -> r.hasGapBefore() ? join("gap: " + r.gapBefore(), r.flags()) : r.flags());
        timeline.setItems(vm.timelineRows());
        timeline.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TimelineRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(FLAGGED, !empty && row != null && row.flagged());
                pseudoClassStateChanged(GAP, !empty && row != null && row.hasGapBefore());
                setTooltip(!empty && row != null && (row.flagged() || row.hasGapBefore())
                        ? new Tooltip(row.details()) : null);
            }
        });
        timeline.getSelectionModel().selectedItemProperty().addListener((o, a, row) ->
                eventDetails.setText(row == null ? "" : row.details()));

        column(childIdCol, KitTree.Member::internalId);
        column(childSerialCol, KitTree.Member::serial);
        column(childProductCol, KitTree.Member::product);
        column(childStatusCol, m -> Formats.words(m.status()));
        column(childLocationCol, m -> Formats.orDash(m.location()));
        kitChildren.setItems(vm.kitChildren());
        kitChildren.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelectedChild();
            }
        });
        kitChildren.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelectedChild();
            }
        });

        column(claimNumberCol, WarrantyRecord.ClaimEntry::claimNumber);
        column(claimOpenedCol, c -> Formats.date(c.openedAt().toLocalDate()));
        column(claimDecidedCol, c -> c.decidedAt() == null ? "" : Formats.date(c.decidedAt().toLocalDate()));
        column(claimOutcomeCol, WarrantyRecord.ClaimEntry::outcome);
        column(claimantCol, WarrantyRecord.ClaimEntry::claimant);
        column(claimRegionCol, c -> Formats.orDash(c.region()));
        column(claimSignalsCol, UnitDossierViewModel::signals);
        claims.setItems(vm.claims());

        column(rmaCol, ReturnEntry::rmaNumber);
        column(rmaCustomerCol, ReturnEntry::customer);
        column(rmaOpenedCol, r -> Formats.date(r.openedAt().toLocalDate()));
        column(rmaReasonCol, ReturnEntry::reason);
        column(rmaAuthorisedCol, ReturnEntry::authorisedSerial);
        column(rmaReceivedCol, r -> r.receivedSerial() == null ? "not yet received"
                : r.receivedSerial() + (r.wrongSerialReceived() ? "  ⚠ not the authorised unit" : ""));
        returns.setItems(vm.returns());

        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochMinute) {
                return CHART_TIME.format(Instant.ofEpochSecond(epochMinute.longValue() * 60).atZone(zone));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        vm.dossierProperty().addListener((o, a, d) -> show(d));
        temperatureTab.selectedProperty().addListener((o, a, selected) -> {
            if (selected && vm.dossierProperty().get() != null) {
                showTemperature(vm.dossierProperty().get().temperature());
            }
        });
    }

    private void show(UnitDossier d) {
        UnitIdentity id = d.identity();
        productName.setText(id.productName());
        status.setText(id.status() == null ? "no events" : Formats.words(id.status()));
        identity.getChildren().clear();
        int row = 0;
        row = field(row, 0, "Internal id", id.internalId(), true);
        row = field(row, 0, "Serial", id.serial(), true);
        row = field(row, 0, "GTIN", id.gtin(), true);
        row = field(row, 0, "SGTIN", id.sgtin(), true);
        field(row, 0, "Lot", id.lot(), true);
        row = 0;
        row = field(row, 3, "Expiry", Formats.date(id.expiry()), false);
        row = field(row, 3, "Product", id.productSku() + " · " + id.category() + " · " + id.manufacturer(), false);
        row = field(row, 3, "Regulatory", vm.regulatoryTags(), false);
        row = field(row, 3, "Where now", (id.location() != null ? id.location()
                : id.lastEventAt() == null ? "not yet received" : "outside our sites")
                + (id.holder() == null ? "" : " · held by " + id.holder()), false);
        field(row, 3, "Last event", Formats.words(id.lastBizStep()) + " · " + Formats.inZone(id.lastEventAt(), zone)
                + " · " + id.eventCount() + " events", false);

        timelineCounts.setText(d.timeline().size() + " events · " + vm.flaggedEvents() + " flagged · "
                + vm.gaps() + " gaps" + (id.historyKnownFrom() == null ? ""
                : " · history before " + Formats.inZone(id.historyKnownFrom(), zone) + " unknown (serial retrofitted)"));
        kitTab.setDisable(d.kit().isEmpty());
        parent.setText(d.kit().parent() == null ? "—" : d.kit().parent().internalId() + " · " + d.kit().parent().serial()
                + " (" + d.kit().parent().product() + ")");
        parent.setDisable(d.kit().parent() == null);
        parent.setOnAction(e -> vm.open(d.kit().parent().unitId()));
        temperatureTab.setDisable(d.temperature() == null);
        chartShown = null;
        if (temperatureTab.isSelected()) {
            showTemperature(d.temperature());
        }
        warrantySummary.setText(vm.warrantySummary());
    }

    /** Built when its tab is shown: most dossiers are read without it. */
    private void showTemperature(TemperatureHistory t) {
        if (t == null || t == chartShown) {
            return;
        }
        chartShown = t;
        temperatureChart.getData().clear();
        XYChart.Series<Number, Number> readings = new XYChart.Series<>();
        readings.setName("readings");
        XYChart.Series<Number, Number> excursions = new XYChart.Series<>();
        excursions.setName("out of band");
        for (TemperatureHistory.Reading r : ChartPoints.thin(t.readings(), MAX_CHART_POINTS)) {
            long minute = r.at().toEpochSecond() / 60;
            readings.getData().add(new XYChart.Data<>(minute, r.celsius()));
            if (r.outOfBand()) {
                excursions.getData().add(new XYChart.Data<>(minute, r.celsius()));
            }
        }
        temperatureChart.getData().add(readings);
        if (!t.readings().isEmpty()) {
            long first = t.readings().get(0).at().toEpochSecond() / 60;
            long last = t.readings().get(t.readings().size() - 1).at().toEpochSecond() / 60;
            if (t.min() != null) {
                temperatureChart.getData().add(line("min " + t.min() + " °C", first, last, t.min()));
            }
            if (t.max() != null) {
                temperatureChart.getData().add(line("max " + t.max() + " °C", first, last, t.max()));
            }
        }
        temperatureChart.getData().add(excursions);
        exposureSummary.setText(String.format("Allowed %s … %s °C · %d readings in %d places · %d minutes out of range"
                        + " · %d excursions%s", Formats.orDash(t.min() == null ? null : t.min().toPlainString()),
                Formats.orDash(t.max() == null ? null : t.max().toPlainString()), t.readings().size(), t.stays().size(),
                t.exposure().minutesOutOfRange(), t.exposure().excursions().size(),
                t.exposure().worst() == null ? "" : " · worst " + t.exposure().worst() + " °C"));
    }

    private static XYChart.Series<Number, Number> line(String name, long from, long to, Number value) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().add(new XYChart.Data<>(from, value));
        s.getData().add(new XYChart.Data<>(to, value));
        return s;
    }

    private int field(int row, int col, String name, String value, boolean copyable) {
        Label n = new Label(name);
        n.getStyleClass().add("field-name");
        Label v = new Label(Formats.orDash(value));
        v.setId("identity-" + name.toLowerCase().replace(' ', '-'));
        v.getStyleClass().add("field-value");
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE);
        if (value != null && value.length() > 24) {
            v.setTooltip(new Tooltip(value));
        }
        identity.add(n, col, row);
        identity.add(v, col + 1, row);
        if (copyable && value != null && !value.isBlank()) {
            Button copy = new Button(null, new FontIcon("mdi2c-content-copy"));
            copy.getStyleClass().addAll("flat", "copy");
            copy.setTooltip(new Tooltip("Copy " + name));
            copy.setOnAction(e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(value);
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            });
            identity.add(copy, col + 2, row);
        }
        return row + 1;
    }

    private void openSelectedChild() {
        KitTree.Member m = kitChildren.getSelectionModel().getSelectedItem();
        if (m != null) {
            vm.open(m.unitId());
        }
    }

    private static void bindBanner(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    private static <S> void column(TableColumn<S, String> c, Function<S, String> value) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? "" : value.apply(cell.getValue())));
    }

    private static String join(String a, String b) {
        return b == null || b.isEmpty() ? a : a + "; " + b;
    }

    @FXML
    private void back() {
        vm.back();
    }

    @FXML
    private void cancelLoad() {
        vm.cancel();
    }

    @FXML
    private void reload() {
        vm.reload();
    }
}
