package dev.serialtrace.desktop.exceptions;

import dev.serialtrace.db.capture.CaptureExceptionQueue;
import dev.serialtrace.db.capture.CaptureExceptionRow;
import dev.serialtrace.db.unit.UnitSummary;
import dev.serialtrace.desktop.common.Formats;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Binds the capture-exception queue. */
public final class ExceptionsController {
    private final ExceptionsViewModel vm;
    private final ZoneId zone;

    @FXML private ChoiceBox<CaptureExceptionQueue.Kind> kind;
    @FXML private ChoiceBox<CaptureExceptionQueue.Status> status;
    @FXML private TextField text;
    @FXML private Label counts;
    @FXML private TableView<CaptureExceptionRow> rows;
    @FXML private TableColumn<CaptureExceptionRow, String> whenCol;
    @FXML private TableColumn<CaptureExceptionRow, String> kindCol;
    @FXML private TableColumn<CaptureExceptionRow, String> statusCol;
    @FXML private TableColumn<CaptureExceptionRow, String> rawCol;
    @FXML private TableColumn<CaptureExceptionRow, String> whereCol;
    @FXML private TableColumn<CaptureExceptionRow, String> whoCol;
    @FXML private TableColumn<CaptureExceptionRow, String> detailCol;
    @FXML private TableColumn<CaptureExceptionRow, String> resolutionCol;
    @FXML private ListView<UnitSummary> candidates;
    @FXML private TextField reason;
    @FXML private TextField newSerial;
    @FXML private org.controlsfx.control.SearchableComboBox<dev.serialtrace.db.capture.ProductChoice> newProduct;
    @FXML private Label message;
    @FXML private javafx.scene.control.Button match;
    @FXML private javafx.scene.control.Button reject;
    @FXML private javafx.scene.control.Button create;

    public ExceptionsController(ExceptionsViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        for (javafx.scene.control.Button action : List.of(match, reject, create)) {
            action.disableProperty().bind(vm.mayResolveProperty().not());
        }
        List<CaptureExceptionQueue.Kind> kinds = new ArrayList<>();
        kinds.add(null);
        kinds.addAll(Arrays.asList(CaptureExceptionQueue.Kind.values()));
        kind.getItems().setAll(kinds);
        kind.setConverter(converter("All kinds"));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        List<CaptureExceptionQueue.Status> statuses = new ArrayList<>();
        statuses.add(null);
        statuses.addAll(Arrays.asList(CaptureExceptionQueue.Status.values()));
        status.getItems().setAll(statuses);
        status.setConverter(converter("Any status"));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        text.textProperty().bindBidirectional(vm.textProperty());
        kind.valueProperty().addListener((o, a, b) -> vm.refresh());
        status.valueProperty().addListener((o, a, b) -> vm.refresh());
        text.setOnAction(e -> vm.refresh());
        counts.textProperty().bind(vm.countsProperty());
        rows.setItems(vm.rows());
        col(whenCol, r -> Formats.inZone(r.occurredAt(), zone));
        col(kindCol, r -> r.kind().replace('_', ' '));
        col(statusCol, CaptureExceptionRow::status);
        col(rawCol, r -> r.rawInput() == null ? "" : dev.serialtrace.desktop.scan.KeystrokeBurst.forTextField(r.rawInput()));
        col(whereCol, r -> r.locationPath() != null ? r.locationPath() : r.siteCode() == null ? "" : r.siteCode());
        col(whoCol, CaptureExceptionRow::capturedBy);
        col(detailCol, r -> r.detail() == null ? "" : r.detail());
        col(resolutionCol, r -> r.resolutionReason() == null ? "" : r.resolutionReason()
                + (r.unitSerial() == null ? "" : " → " + r.unitSerial()));
        rows.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            vm.select(r);
            newSerial.setText(r == null || r.rawInput() == null ? "" : r.rawInput());
        });
        newProduct.setItems(vm.products());
        newProduct.valueProperty().bindBidirectional(vm.newProductProperty());
        candidates.setItems(vm.candidates());
        candidates.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(UnitSummary u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : u.serial() + " · " + u.internalId() + " · " + u.productName()
                        + (u.locationPath() == null ? "" : " · " + u.locationPath()));
            }
        });
        message.textProperty().bind(vm.messageProperty());
    }

    private static <T> StringConverter<T> converter(String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? none : t.toString();
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** Shown: read the queue. */
    public void shown() {
        vm.refresh();
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    @FXML
    private void match() {
        vm.match(rows.getSelectionModel().getSelectedItem(), candidates.getSelectionModel().getSelectedItem(), reason.getText());
        reason.clear();
    }

    @FXML
    private void reject() {
        vm.reject(rows.getSelectionModel().getSelectedItem(), reason.getText());
        reason.clear();
    }

    @FXML
    private void create() {
        vm.create(rows.getSelectionModel().getSelectedItem(), newSerial.getText(), reason.getText());
        reason.clear();
    }

    private static <S> void col(TableColumn<S, String> c, Function<S, String> f) {
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
    }
}
