package dev.serialtrace.desktop.reports;

import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.TaskExecutor;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportFormat;
import dev.serialtrace.reports.ReportParameter;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/** Binds the report screen; the parameter form is built from the selected report's parameters. */
public final class ReportsController {
    private final ReportsViewModel vm;
    private final Supplier<ReportsViewModel.Engine> engine;
    private final TaskExecutor tasks;

    @FXML private ListView<ReportDefinition> catalogue;
    @FXML private Label title;
    @FXML private Label description;
    @FXML private GridPane form;
    @FXML private Label error;
    @FXML private Button generate;
    @FXML private Button cancel;
    @FXML private ProgressBar progress;
    @FXML private Label status;
    @FXML private Button previous;
    @FXML private Label pageLabel;
    @FXML private Button next;
    @FXML private Button print;
    @FXML private Button exportPdf;
    @FXML private Button exportXlsx;
    @FXML private Button exportCsv;
    @FXML private Button exportEpcis;
    @FXML private Button approve;
    @FXML private Label approvals;
    @FXML private ScrollPane previewScroll;
    @FXML private ImageView preview;

    public ReportsController(ReportsViewModel vm, Supplier<ReportsViewModel.Engine> engine, TaskExecutor tasks) {
        this.vm = vm;
        this.engine = engine;
        this.tasks = tasks;
    }

    @FXML
    private void initialize() {
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints editors = new javafx.scene.layout.ColumnConstraints();
        editors.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, editors);
        catalogue.setItems(vm.reports());
        catalogue.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ReportDefinition d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.title() + (d.available() ? "" : "  (not yet available)"));
            }
        });
        catalogue.getSelectionModel().select(vm.selectedProperty().get());
        catalogue.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null && d != vm.selectedProperty().get()) {
                vm.selectedProperty().set(d);
            }
        });
        vm.selectedProperty().addListener((o, a, d) -> {
            catalogue.getSelectionModel().select(d);
            buildForm(d);
        });
        buildForm(vm.selectedProperty().get());

        error.textProperty().bind(vm.errorProperty());
        status.textProperty().bind(vm.statusProperty());
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        generate.disableProperty().bind(vm.runningProperty());
        cancel.disableProperty().bind(vm.runningProperty().not());
        var noReport = vm.filledProperty().isNull();
        for (Button b : new Button[]{print, exportPdf, exportXlsx, exportCsv, previous, next}) {
            b.disableProperty().bind(noReport.or(vm.runningProperty()));
        }
        exportEpcis.disableProperty().bind(vm.runningProperty());
        approve.disableProperty().bind(vm.filledProperty().isNull().or(vm.runningProperty()).or(vm.maySignProperty().not()));
        approvals.textProperty().bind(vm.approvalsProperty());
        exportEpcis.visibleProperty().bind(Bindings.createBooleanBinding(vm::canExportEpcis, vm.selectedProperty()));
        exportEpcis.managedProperty().bind(exportEpcis.visibleProperty());
        pageLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.filledProperty().get() == null ? "No report yet"
                        : "Page " + (vm.pageProperty().get() + 1) + " of " + vm.filledProperty().get().pages(),
                vm.filledProperty(), vm.pageProperty()));
        vm.pageImageProperty().addListener((o, a, img) -> preview.setImage(img == null ? null : toFx(img)));
        preview.fitWidthProperty().bind(previewScroll.widthProperty().subtract(24));
    }

    private void buildForm(ReportDefinition d) {
        form.getChildren().clear();
        title.setText(d.title());
        description.setText(d.description());
        int row = 0;
        for (ReportParameter p : d.parameters()) {
            Label label = new Label(p.label() + (p.required() ? " *" : ""));
            form.add(label, 0, row);
            form.add(editor(p), 1, row);
            row++;
        }
        TextField asOf = new TextField();
        asOf.setPromptText("now (e.g. 2026-03-31T18:00:00Z to regenerate an earlier report)");
        asOf.textProperty().bindBidirectional(vm.value(dev.serialtrace.reports.ReportArguments.AS_OF));
        asOf.setTooltip(new Tooltip("Data watermark: history recorded later is left out; the same as-of gives the same report and id"));
        form.add(new Label("As of"), 0, row);
        form.add(asOf, 1, row);
    }

    private javafx.scene.Node editor(ReportParameter p) {
        var value = vm.value(p.name());
        switch (p.type()) {
            case UNITS: {
                TextArea area = new TextArea();
                area.setId("report-param-" + p.name());
                area.setPrefRowCount(4);
                area.setPromptText("internal ids, serials or scans, one per line");
                area.textProperty().bindBidirectional(value);
                Button file = new Button("Load from file…");
                file.setOnAction(e -> {
                    FileChooser chooser = new FileChooser();
                    chooser.setTitle("Units, one per line");
                    File f = chooser.showOpenDialog(form.getScene().getWindow());
                    if (f != null) {
                        try {
                            value.set(Files.readString(f.toPath(), StandardCharsets.UTF_8));
                        } catch (IOException x) {
                            vm.errorProperty().set("Cannot read " + f + ": " + x.getMessage());
                        }
                    }
                });
                return new VBox(4, area, file);
            }
            case DATE: {
                DatePicker picker = new DatePicker();
                picker.setId("report-param-" + p.name());
                picker.setPromptText("yyyy-mm-dd");
                picker.valueProperty().addListener((o, a, d) -> value.set(d == null ? "" : d.toString()));
                try {
                    picker.setValue(value.get().isBlank() ? null : LocalDate.parse(value.get()));
                } catch (DateTimeParseException ignored) {
                    // a bad pre-filled value stays as text; validation will say so
                }
                return picker;
            }
            case AUDIT:
            case LOT:
            case PRODUCT: {
                ComboBox<String> combo = new ComboBox<>();
                combo.setId("report-param-" + p.name());
                combo.setEditable(true);
                combo.setMaxWidth(Double.MAX_VALUE);
                combo.setPromptText(p.help());
                combo.getEditor().textProperty().bindBidirectional(value);
                combo.setOnShowing(e -> {
                    if (combo.getItems().isEmpty() && engine.get() != null) {
                        BackgroundTask.of(pr -> engine.get().choices(p.type()))
                                .onSuccess(items -> combo.getItems().setAll(items)).executeWith(tasks);
                    }
                });
                return combo;
            }
            default: {
                TextField field = new TextField();
                field.setId("report-param-" + p.name());
                field.setPromptText(p.help());
                field.textProperty().bindBidirectional(value);
                return field;
            }
        }
    }

    @FXML
    private void generate() {
        vm.generate();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void previousPage() {
        vm.showPage(vm.pageProperty().get() - 1);
    }

    @FXML
    private void nextPage() {
        vm.showPage(vm.pageProperty().get() + 1);
    }

    @FXML
    private void print() {
        vm.print();
    }

    @FXML
    private void exportPdf() {
        export(ReportFormat.PDF);
    }

    @FXML
    private void exportXlsx() {
        export(ReportFormat.XLSX);
    }

    @FXML
    private void exportCsv() {
        export(ReportFormat.CSV);
    }

    /** Asks for the signer's user ID, password and meaning (the database checks them), then signs the report. */
    @FXML
    private void approve() {
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle("Sign this report");
        dialog.setHeaderText("Your electronic signature binds to report " + vm.reportIdProperty().get()
                + ". Re-enter your password.");
        TextField user = new TextField(vm.signedInUser());
        user.setId("approve-user");
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.setId("approve-password");
        javafx.scene.control.ChoiceBox<dev.serialtrace.db.signature.SignatureMeaning> meaning = new javafx.scene.control.ChoiceBox<>(
                javafx.collections.FXCollections.observableArrayList(dev.serialtrace.db.signature.SignatureMeaning.values()));
        meaning.setValue(dev.serialtrace.db.signature.SignatureMeaning.APPROVED);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("User ID"), user);
        grid.addRow(1, new Label("Password"), password);
        grid.addRow(2, new Label("Meaning"), meaning);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        javafx.application.Platform.runLater(password::requestFocus);
        if (dialog.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent()) {
            vm.approve(meaning.getValue(), user.getText(), password.getText().toCharArray());
        }
        password.clear();
    }

    @FXML
    private void exportEpcis() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the recalled units' custody history as EPCIS 2.0");
        chooser.setInitialFileName("recall.jsonld");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("EPCIS JSON-LD", "*.jsonld", "*.json"),
                new FileChooser.ExtensionFilter("EPCIS XML", "*.xml"));
        File f = chooser.showSaveDialog(form.getScene().getWindow());
        if (f != null) {
            vm.exportEpcis(f.toPath());
        }
    }

    private void export(ReportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save report as " + format.extension().toUpperCase());
        chooser.setInitialFileName(vm.suggestedFileName(format));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.extension().toUpperCase(), "*." + format.extension()));
        File f = chooser.showSaveDialog(form.getScene().getWindow());
        if (f != null) {
            vm.export(format, f.toPath());
        }
    }

    private static WritableImage toFx(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
