package dev.serialtrace.desktop.audit;

import dev.serialtrace.db.audit.AuditPlanning;
import dev.serialtrace.db.audit.Discrepancy;
import dev.serialtrace.db.audit.LocationToCount;
import dev.serialtrace.db.audit.Resolution;
import dev.serialtrace.db.audit.ScanClass;
import dev.serialtrace.db.audit.StockRetrofit;
import dev.serialtrace.db.signature.SignatureMeaning;
import dev.serialtrace.db.unit.Suggestion;
import dev.serialtrace.desktop.common.Formats;
import dev.serialtrace.desktop.scan.GlobalScanFilter;
import dev.serialtrace.desktop.scan.KeystrokeBurst;
import dev.serialtrace.desktop.scan.ScanField;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** Binds the audit screen: Plan, Scan, Close & resolve. */
public final class AuditController {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    private final AuditViewModel vm;
    private final ZoneId zone;
    private final Duration scannerGap;

    @FXML private TabPane tabs;
    @FXML private Tab planTab;
    @FXML private Tab scanTab;
    @FXML private Tab closeTab;
    @FXML private TextField rootPath;
    @FXML private TextField category;
    @FXML private ChoiceBox<AuditViewModel.Sampling> sampling;
    @FXML private Spinner<Integer> sampleSize;
    @FXML private Button start;
    @FXML private Label planMessage;
    @FXML private TableView<LocationToCount> locations;
    @FXML private TableColumn<LocationToCount, String> pathCol;
    @FXML private TableColumn<LocationToCount, String> kindCol;
    @FXML private TableColumn<LocationToCount, String> unitsCol;
    @FXML private TableColumn<LocationToCount, String> valueCol;
    @FXML private TableColumn<LocationToCount, String> regulatedCol;
    @FXML private TableColumn<LocationToCount, String> recentCol;
    @FXML private TableColumn<LocationToCount, String> lastCountedCol;
    @FXML private TableColumn<LocationToCount, String> dueCol;
    @FXML private TableColumn<LocationToCount, String> riskCol;
    @FXML private ComboBox<AuditPlanning.OpenAudit> openAudits;
    @FXML private Label auditCode;
    @FXML private ChoiceBox<AuditViewModel.LocationChoice> currentLocation;
    @FXML private Label sendingState;
    @FXML private TextField scanField;
    @FXML private TextField manualReason;
    @FXML private ChoiceBox<StockRetrofit.UntrackedStock> retrofitInto;
    @FXML private VBox banner;
    @FXML private Label kind;
    @FXML private Label capture;
    @FXML private Label detail;
    @FXML private Label expected;
    @FXML private Label found;
    @FXML private Label missing;
    @FXML private Label unexpected;
    @FXML private Label accuracy;
    @FXML private ListView<Suggestion> didYouMean;
    @FXML private TableView<ScanRow> scans;
    @FXML private TableColumn<ScanRow, String> seqCol;
    @FXML private TableColumn<ScanRow, String> timeCol;
    @FXML private TableColumn<ScanRow, String> rawCol;
    @FXML private TableColumn<ScanRow, String> methodCol;
    @FXML private TableColumn<ScanRow, String> classCol;
    @FXML private TableColumn<ScanRow, String> detailCol;
    @FXML private Button closeAudit;
    @FXML private Button resume;
    @FXML private Button resolve;
    @FXML private Button sign;
    @FXML private Label closeSummary;
    @FXML private Button reportThis;
    private java.util.function.Consumer<String> onReportThis = code -> { };
    @FXML private TableView<Discrepancy> discrepancies;
    @FXML private TableColumn<Discrepancy, String> dKindCol;
    @FXML private TableColumn<Discrepancy, String> dSerialCol;
    @FXML private TableColumn<Discrepancy, String> dInternalCol;
    @FXML private TableColumn<Discrepancy, String> dLocationCol;
    @FXML private TableColumn<Discrepancy, String> dDetailCol;
    @FXML private TableColumn<Discrepancy, String> dResolutionCol;
    @FXML private TableColumn<Discrepancy, String> dReasonCol;
    @FXML private TableColumn<Discrepancy, String> dByCol;
    @FXML private ChoiceBox<Resolution> resolution;
    @FXML private TextField resolutionReason;
    @FXML private Label resolveMessage;
    @FXML private Label contentHash;
    @FXML private ChoiceBox<SignatureMeaning> signMeaning;
    @FXML private TextField signUser;
    @FXML private javafx.scene.control.PasswordField signPassword;
    @FXML private Label signMessage;
    @FXML private ListView<String> signatures;

    public AuditController(AuditViewModel vm, ZoneId zone, Duration scannerGap) {
        this.vm = vm;
        this.zone = zone;
        this.scannerGap = scannerGap;
    }

    /** "Report this": the spot-audit report of the closed audit on screen (wired to the reports screen). */
    public void setOnReportThis(java.util.function.Consumer<String> handler) {
        this.onReportThis = handler;
    }

    @FXML
    private void reportThis() {
        if (vm.auditProperty().get() != null && vm.closedProperty().get()) {
            onReportThis.accept(vm.auditProperty().get().code());
        }
    }

    @FXML
    private void initialize() {
        // planning
        rootPath.textProperty().bindBidirectional(vm.rootPathProperty());
        category.textProperty().bindBidirectional(vm.categoryProperty());
        rootPath.setOnAction(e -> vm.loadLocations());
        sampling.getItems().setAll(AuditViewModel.Sampling.values());
        sampling.valueProperty().bindBidirectional(vm.samplingProperty());
        sampleSize.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 500, 5));
        sampleSize.getValueFactory().valueProperty().addListener((o, a, n) -> vm.sampleSizeProperty().set(n));
        sampleSize.disableProperty().bind(vm.samplingProperty().isEqualTo(AuditViewModel.Sampling.SUBTREE));
        vm.samplingProperty().addListener((o, a, n) -> vm.choose());
        vm.sampleSizeProperty().addListener((o, a, n) -> vm.choose());
        planMessage.textProperty().bind(vm.planMessageProperty());
        vm.planProblemProperty().addListener((o, a, p) -> planMessage.pseudoClassStateChanged(PseudoClass.getPseudoClass("problem"), p));
        planMessage.getStyleClass().add("search-message");
        locations.setItems(vm.chosen());
        text(pathCol, LocationToCount::path);
        text(kindCol, LocationToCount::kind);
        text(unitsCol, l -> String.valueOf(l.units()));
        text(valueCol, l -> String.format("%,.0f", l.value()));
        text(regulatedCol, l -> String.valueOf(l.regulatedUnits()));
        text(recentCol, l -> String.valueOf(l.recentDiscrepancies()));
        text(lastCountedCol, l -> l.lastCountedAt() == null ? "never" : Formats.inZone(l.lastCountedAt(), zone));
        text(dueCol, l -> l.due() ? "due" : "");
        text(riskCol, l -> String.format("%.1f", l.risk()));
        dueCol.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("due");
                if (!empty && "due".equals(item)) {
                    getStyleClass().add("due");
                }
            }
        });
        start.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.chosen()).or(vm.mayRunAuditsProperty().not()));
        openAudits.setItems(vm.openAudits());

        // scanning
        auditCode.textProperty().bind(vm.auditProperty().map(a -> a.code() + " · " + a.auditor()).orElse("No audit running"));
        currentLocation.setItems(vm.scopeLocations());
        currentLocation.valueProperty().bindBidirectional(vm.currentLocationProperty());
        sendingState.textProperty().bind(vm.sendingStateProperty());
        vm.onlineProperty().addListener((o, a, up) -> sendingState.pseudoClassStateChanged(OFFLINE, !up));
        scanField.disableProperty().bind(vm.auditProperty().isNull().or(vm.closedProperty()).or(vm.mayRunAuditsProperty().not()));
        closeAudit.disableProperty().bind(vm.auditProperty().isNull().or(vm.closedProperty()).or(vm.mayRunAuditsProperty().not()));
        resume.disableProperty().bind(vm.mayRunAuditsProperty().not());
        resolve.disableProperty().bind(vm.mayRunAuditsProperty().not());
        sign.disableProperty().bind(vm.maySignProperty().not());
        ScanField.install(scanField, scannerGap, c -> {
            String before = scanField.getText();
            vm.capture(c.text(), c.scanned(), manualReason.getText());
            if (c.scanned() || !manualReason.getText().isBlank()) {
                scanField.clear();
                manualReason.clear();
            } else {
                scanField.setText(before);   // keep what was typed until a reason is given
                manualReason.requestFocus();
            }
        });
        // The reason field has focus while a typed entry waits; a scan fired into it meanwhile is the
        // next scan, not the reason (the typed entry keeps waiting for a person's words).
        ScanField.install(manualReason, scannerGap, c -> {
            if (c.scanned()) {
                manualReason.clear();
                vm.capture(c.text(), true, "");
            } else if (!scanField.getText().isBlank()) {
                vm.capture(KeystrokeBurst.fromTextField(scanField.getText()), false, manualReason.getText());
                scanField.clear();
                manualReason.clear();
                scanField.requestFocus();
            }
        });
        // the first choice (null) switches retrofitting off
        javafx.collections.ObservableList<StockRetrofit.UntrackedStock> retrofitChoices = javafx.collections.FXCollections.observableArrayList();
        Runnable syncChoices = () -> {
            java.util.List<StockRetrofit.UntrackedStock> all = new java.util.ArrayList<>();
            all.add(null);
            all.addAll(vm.untracked());
            retrofitChoices.setAll(all);
        };
        vm.untracked().addListener((javafx.collections.ListChangeListener<StockRetrofit.UntrackedStock>) c -> syncChoices.run());
        syncChoices.run();
        retrofitInto.setItems(retrofitChoices);
        retrofitInto.valueProperty().bindBidirectional(vm.retrofitIntoProperty());
        retrofitInto.setConverter(new StringConverter<>() {
            @Override
            public String toString(StockRetrofit.UntrackedStock s) {
                return s == null ? "Retrofit: off (choose untracked stock to serialise it)" : "Retrofit into " + s;
            }

            @Override
            public StockRetrofit.UntrackedStock fromString(String s) {
                return null;
            }
        });
        retrofitInto.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.untracked()));
        kind.textProperty().bind(vm.lastKindProperty().map(ScanClass::label).orElse("Ready"));
        capture.textProperty().bind(vm.lastCaptureProperty());
        detail.textProperty().bind(vm.lastDetailProperty());
        vm.lastKindProperty().addListener((o, a, k) -> {
            banner.getStyleClass().removeIf(c -> c.startsWith("scan-") && !c.equals("scan-banner"));
            if (k != null) {
                banner.getStyleClass().add("scan-" + k.dbLiteral());
            }
        });
        expected.textProperty().bind(vm.expectedProperty().asString("%,d"));
        found.textProperty().bind(vm.foundProperty().asString("%,d"));
        missing.textProperty().bind(vm.missingProperty().asString("%,d"));
        unexpected.textProperty().bind(vm.unexpectedProperty().asString("%,d"));
        accuracy.textProperty().bind(vm.accuracyProperty());
        didYouMean.setItems(vm.didYouMean());
        didYouMean.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.didYouMean()));
        didYouMean.managedProperty().bind(didYouMean.visibleProperty());
        didYouMean.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Suggestion s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : "Did you mean " + s.unit().serial() + " — " + s.reason()
                        + (s.unit().locationPath() == null ? "" : " · at " + s.unit().locationPath()));
            }
        });
        scans.setItems(vm.scans());
        text(seqCol, r -> String.valueOf(r.seq()));
        text(timeCol, r -> r.at().atZoneSameInstant(zone).format(TIME));
        text(rawCol, ScanRow::shown);
        text(methodCol, ScanRow::method);
        classCol.setCellValueFactory(c -> c.getValue().kindProperty().map(ScanClass::label));
        detailCol.setCellValueFactory(c -> c.getValue().detailProperty());
        scans.setRowFactory(t -> new TableRow<>() {
            private final javafx.beans.value.ChangeListener<ScanClass> repaint = (o, a, k) -> paint(k);

            @Override
            protected void updateItem(ScanRow row, boolean empty) {
                ScanRow old = getItem();
                if (old != null) {
                    old.kindProperty().removeListener(repaint);
                }
                super.updateItem(row, empty);
                if (!empty && row != null) {
                    row.kindProperty().addListener(repaint);
                }
                paint(empty || row == null ? null : row.kindProperty().get());
            }

            private void paint(ScanClass k) {
                for (ScanClass c : ScanClass.values()) {
                    pseudoClassStateChanged(PseudoClass.getPseudoClass("scan-" + c.dbLiteral()), c == k);
                }
            }
        });
        vm.auditProperty().addListener((o, a, audit) -> {
            if (audit != null) {
                tabs.getSelectionModel().select(scanTab);
                scanField.requestFocus();
            }
        });

        // closing
        closeSummary.textProperty().bind(vm.closeSummaryProperty());
        reportThis.disableProperty().bind(vm.auditProperty().isNull().or(vm.closedProperty().not()));
        discrepancies.setItems(vm.discrepancies());
        text(dKindCol, d -> d.kind().replace('_', ' '));
        text(dSerialCol, d -> d.serial() == null ? KeystrokeBurst.forTextField(d.scanRaw() == null ? "" : d.scanRaw()) : d.serial());
        text(dInternalCol, d -> d.internalId() == null ? "" : d.internalId());
        text(dLocationCol, d -> d.locationPath() == null ? "" : d.locationPath());
        text(dDetailCol, d -> d.detail() == null ? "" : d.detail());
        text(dResolutionCol, d -> d.resolution() == null ? "open" : d.resolution().replace('_', ' '));
        text(dReasonCol, d -> d.reason() == null ? "" : d.reason());
        text(dByCol, d -> d.resolvedBy() == null ? "" : d.resolvedBy());
        resolution.getItems().setAll(Resolution.values());
        contentHash.textProperty().bind(vm.contentHashProperty().map(h -> h.isEmpty() ? "" : "Content SHA-256 " + h
                + " (changes with any scan, discrepancy or resolution)"));
        vm.closedProperty().addListener((o, a, c) -> {
            if (c) {
                tabs.getSelectionModel().select(closeTab);
            }
        });

        signMeaning.getItems().setAll(SignatureMeaning.values());
        signMeaning.setConverter(new StringConverter<>() {
            @Override
            public String toString(SignatureMeaning m) {
                return m == null ? "" : switch (m) {
                    case PERFORMED -> "Performed by";
                    case REVIEWED -> "Reviewed by";
                    case APPROVED -> "Approved by";
                };
            }

            @Override
            public SignatureMeaning fromString(String s) {
                return null;
            }
        });
        signMeaning.setValue(SignatureMeaning.PERFORMED);
        signMessage.textProperty().bind(vm.signMessageProperty());
        signatures.setItems(vm.signatures());

        // a scanner burst while a dialog is open still reaches the audit (and does not press the dialog's button)
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window w : change.getAddedSubList()) {
                    routeScansFrom(w);
                }
            }
        });
    }

    /** The audit page is showing and scanning: a burst from anywhere (no text field focused) is an audit scan. */
    public boolean takesScans() {
        return vm.auditProperty().get() != null && !vm.closedProperty().get() && tabs.getScene() != null
                && tabs.isVisible() && tabs.getSelectionModel().getSelectedItem() == scanTab;
    }

    /** A capture from the window-wide scan filter. */
    public void scanned(KeystrokeBurst.Capture c) {
        vm.capture(c.text(), c.scanned(), manualReason.getText());
    }

    private void routeScansFrom(Window w) {
        if (w instanceof javafx.stage.PopupWindow) {
            return;
        }
        if (w.getScene() != null) {
            routeScansFrom(w.getScene());
        } else {
            w.sceneProperty().addListener((o, a, scene) -> routeScansFrom(scene));
        }
    }

    private void routeScansFrom(Scene dialog) {
        if (dialog == null || dialog == tabs.getScene() || dialog.getProperties().containsKey(AuditController.class)) {
            return;
        }
        dialog.getProperties().put(AuditController.class, Boolean.TRUE);
        new GlobalScanFilter(new KeystrokeBurst(scannerGap), c -> {
            if (c.scanned() && vm.auditProperty().get() != null && !vm.closedProperty().get()) {
                vm.capture(c.text(), true, null);
            }
        }).install(dialog);
    }

    @FXML
    private void load() {
        vm.loadLocations();
    }

    @FXML
    private void start() {
        vm.planAndStart();
    }

    @FXML
    private void resume() {
        if (openAudits.getValue() != null) {
            vm.resume(openAudits.getValue());
        }
    }

    @FXML
    private void closeAudit() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(tabs.getScene().getWindow());
        confirm.setTitle("Close audit");
        confirm.setHeaderText("Close " + vm.auditProperty().get().code() + "? Units not scanned become missing.");
        confirm.setContentText(vm.missingProperty().get() + " expected units have not been scanned yet. "
                + "Scans arriving while this is open are still counted.");
        confirm.getDialogPane().setId("closeConfirm");
        confirm.setOnShown(e -> routeScansFrom(confirm.getDialogPane().getScene()));
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.closeAudit());
    }

    @FXML
    private void resolve() {
        resolveMessage.setText("");
        vm.resolve(discrepancies.getSelectionModel().getSelectedItem(), resolution.getValue(), resolutionReason.getText(),
                resolveMessage::setText);
        resolutionReason.clear();
    }

    @FXML
    private void sign() {
        char[] password = signPassword.getText().toCharArray();
        signPassword.clear();
        vm.sign(signMeaning.getValue(), signUser.getText().strip(), password);
    }

    /** The signed-in database user, proposed as the signer. */
    public void proposeSigner(String user) {
        if (signUser.getText().isBlank()) {
            signUser.setText(user);
        }
    }

    private static <S> void text(TableColumn<S, String> col, Function<S, String> f) {
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(f.apply(c.getValue())));
    }

}
