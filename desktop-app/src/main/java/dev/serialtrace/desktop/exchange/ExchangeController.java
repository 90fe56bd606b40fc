package dev.serialtrace.desktop.exchange;

import dev.serialtrace.db.epcis.EpcisDocumentWriter;
import dev.serialtrace.db.epcis.EpcisImporter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.function.LongSupplier;

/** Binds the Exchange screen to its view model; file choosers are the only thing it does itself. */
public final class ExchangeController {
    private final ExchangeViewModel vm;
    private final LongSupplier openUnitId;

    @FXML private Button importButton, cancelButton, reconcileButton, exportButton;
    @FXML private CheckBox dryRun, acceptPartial, digitalLink;
    @FXML private ProgressBar progress;
    @FXML private Label status, error;
    @FXML private ListView<EpcisImporter.Failure> failures;
    @FXML private ListView<String> counts;
    @FXML private TableView<ExchangeViewModel.FindingRow> findings;
    @FXML private TableColumn<ExchangeViewModel.FindingRow, String> kindCol, gtinCol, serialCol, unitCol, detailCol;

    /** @param openUnitId the unit open in the dossier, or 0 */
    public ExchangeController(ExchangeViewModel vm, LongSupplier openUnitId) {
        this.vm = vm;
        this.openUnitId = openUnitId;
    }

    @FXML
    void initialize() {
        dryRun.selectedProperty().bindBidirectional(vm.dryRunProperty());
        acceptPartial.selectedProperty().bindBidirectional(vm.acceptPartialProperty());
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        status.textProperty().bind(vm.statusProperty());
        error.textProperty().bind(vm.errorProperty());
        cancelButton.visibleProperty().bind(vm.runningProperty());
        importButton.disableProperty().bind(vm.runningProperty().or(vm.mayImportProperty().not()));
        reconcileButton.disableProperty().bind(vm.runningProperty());
        exportButton.disableProperty().bind(vm.runningProperty());
        failures.setItems(vm.failures());
        failures.setCellFactory(FailureCell::new);
        failures.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> copy(failures.getSelectionModel().getSelectedItems()));
        KeyCombination shortcut = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        failures.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (shortcut.match(e)) {
                copy(failures.getSelectionModel().getSelectedItems());
                e.consume();
            }
        });
        MenuItem copyAll = new MenuItem("Copy all refused events");
        copyAll.setOnAction(e -> copy(failures.getItems()));
        failures.setContextMenu(new ContextMenu(copy, copyAll));
        counts.setItems(vm.counts());
        findings.setItems(vm.findings());
        kindCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kind()));
        gtinCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().gtin()));
        serialCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().serial()));
        unitCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().unit()));
        detailCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        findings.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.open(findings.getSelectionModel().getSelectedItem());
            }
        });
    }

    /**
     * One refused event: what is wrong, wrapped to the list's width, then its eventID on a line of its
     * own, shortened in the middle (a hash id is 90 characters without a space, which would not wrap);
     * the tooltip and a copy carry it whole. A text node wrapped at the list's width, because the cell's
     * own wrapped text came out a line short where a long reason and an eventID met (its last line cut to "...").
     */
    private static final class FailureCell extends ListCell<EpcisImporter.Failure> {
        private final Text lines = new Text();

        FailureCell(ListView<?> list) {
            setPrefWidth(0); // take the list's width instead of widening the list to the longest line
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            lines.getStyleClass().add("refused-event");
            // less the list's border, a vertical scroll bar and the cell's padding
            lines.wrappingWidthProperty().bind(list.widthProperty().subtract(36));
            lines.fontProperty().bind(fontProperty());
            lines.fillProperty().bind(textFillProperty()); // white on a selected row, as the cell's own text
        }

        @Override
        protected void updateItem(EpcisImporter.Failure item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            lines.setText(item.problem() + (item.eventId() == null ? "" : "\neventID " + shortened(item.eventId())));
            setGraphic(lines);
            setTooltip(new Tooltip(item.toString()));
        }
    }

    private static final String HASH_ID = "ni:///sha-256;";

    /**
     * A long eventID as a line can hold it: a GS1 hash id as "ni:///sha-256;01234567…89abcdef" (the
     * start and end of its hash tell it apart, as a short git hash does), any other its start and end.
     */
    private static String shortened(String id) {
        if (id.length() <= 40) {
            return id;
        }
        int query = id.indexOf('?');
        String hash = id.startsWith(HASH_ID) ? id.substring(HASH_ID.length(), query < 0 ? id.length() : query) : "";
        return hash.length() > 20 ? HASH_ID + hash.substring(0, 8) + "…" + hash.substring(hash.length() - 8)
                : id.substring(0, 19) + "…" + id.substring(id.length() - 20);
    }

    /** The refused events as plain text, one per line, for a reply to the partner who sent the document. */
    private static void copy(java.util.List<EpcisImporter.Failure> refused) {
        if (!refused.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(refused.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(System.lineSeparator())));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @FXML
    void chooseImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("EPCIS document to import");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("EPCIS (JSON-LD, XML)", "*.json", "*.jsonld", "*.xml"));
        File f = chooser.showOpenDialog(importButton.getScene().getWindow());
        if (f != null) {
            vm.importFile(f.toPath());
        }
    }

    @FXML
    void cancel() {
        vm.cancel();
    }

    @FXML
    void chooseReconcile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Manufacturer's serial list");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV or EPCIS", "*.csv", "*.txt", "*.json", "*.jsonld", "*.xml"));
        File f = chooser.showOpenDialog(reconcileButton.getScene().getWindow());
        if (f != null) {
            vm.reconcile(f.toPath());
        }
    }

    /** Asks where to write the open unit's history, then exports it (also the dossier's "Export EPCIS…"). */
    @FXML
    public void chooseExport() {
        long unit = openUnitId.getAsLong();
        if (unit == 0) {
            vm.errorProperty().set("Open a unit first (Search), then export its history here or from its dossier.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the open unit's history as EPCIS 2.0");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("EPCIS JSON-LD", "*.jsonld"),
                new FileChooser.ExtensionFilter("EPCIS XML", "*.xml"));
        File f = chooser.showSaveDialog(exportButton.getScene().getWindow());
        if (f != null) {
            boolean xml = f.getName().toLowerCase().endsWith(".xml");
            vm.exportUnit(unit, xml ? EpcisDocumentWriter.Format.XML : EpcisDocumentWriter.Format.JSONLD,
                    digitalLink.isSelected(), f.toPath());
        }
    }
}
