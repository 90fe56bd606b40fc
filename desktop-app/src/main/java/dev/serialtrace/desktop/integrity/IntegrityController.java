package dev.serialtrace.desktop.integrity;

import dev.serialtrace.db.integrity.ChainBreak;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

import java.util.function.Function;

/** Binds the integrity view to its view model; nothing else. */
public final class IntegrityController {
    private final IntegrityViewModel vm;

    @FXML private TextField unitField;
    @FXML private Button verifyUnitButton;
    @FXML private Button verifyAllButton;
    @FXML private Button anchorButton;
    @FXML private Label summary;
    @FXML private Label anchor;
    @FXML private Label lifecycle;
    @FXML private TableView<ChainBreak> breaks;
    @FXML private TableColumn<ChainBreak, String> kindCol;
    @FXML private TableColumn<ChainBreak, String> unitCol;
    @FXML private TableColumn<ChainBreak, String> eventCol;
    @FXML private TableColumn<ChainBreak, String> positionCol;
    @FXML private TableColumn<ChainBreak, String> detailCol;

    public IntegrityController(IntegrityViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        unitField.textProperty().bindBidirectional(vm.unitInputProperty());
        unitField.setOnAction(e -> vm.verifyUnit());
        verifyUnitButton.setOnAction(e -> vm.verifyUnit());
        verifyAllButton.setOnAction(e -> vm.verifyAll());
        anchorButton.setOnAction(e -> vm.anchor());
        verifyUnitButton.disableProperty().bind(vm.runningProperty());
        verifyAllButton.disableProperty().bind(vm.runningProperty());
        anchorButton.disableProperty().bind(vm.runningProperty().or(vm.mayAnchorProperty().not()));
        anchorButton.setTooltip(new Tooltip("Compliance and admin anchor the chain (the database refuses other roles)"));
        summary.textProperty().bind(vm.summaryProperty());
        anchor.textProperty().bind(vm.anchorTextProperty());
        lifecycle.textProperty().bind(vm.lifecycleProperty());
        vm.intactProperty().addListener((o, a, ok) -> paint(ok));
        breaks.setItems(vm.breaks());
        column(kindCol, b -> b.kind().label());
        column(unitCol, b -> b.anchorId() != null ? "anchor " + b.anchorId() : b.internalId() == null ? String.valueOf(b.unitId()) : b.internalId());
        column(eventCol, b -> b.eventId() == null ? "" : String.valueOf(b.eventId()));
        column(positionCol, b -> b.chainSeq() == null ? "" : String.valueOf(b.chainSeq()));
        column(detailCol, ChainBreak::detail);
        breaks.setPlaceholder(new Label("No break found."));
    }

    private void paint(boolean ok) {
        summary.getStyleClass().removeAll("integrity-intact", "integrity-broken");
        summary.getStyleClass().add(ok ? "integrity-intact" : "integrity-broken");
    }

    private static void column(TableColumn<ChainBreak, String> c, Function<ChainBreak, String> value) {
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
    }
}
