package dev.serialtrace.desktop.search;

import dev.serialtrace.db.unit.Suggestion;
import dev.serialtrace.desktop.common.Formats;
import dev.serialtrace.desktop.scan.GlobalScanFilter;
import dev.serialtrace.desktop.scan.KeystrokeBurst;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.util.function.Function;

/** Binds the search screen; the right side shows the dossier, or the connection summary before any unit is open. */
public final class SearchController {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final SearchViewModel vm;
    private final ZoneId zone;
    private final Node dossier;
    private final Node summary;
    private final ObservableBooleanValue unitOpen;

    @FXML private TextField searchField;
    @FXML private ProgressIndicator searching;
    @FXML private Label message;
    @FXML private VBox didYouMeanPane;
    @FXML private ListView<Suggestion> didYouMean;
    @FXML private TableView<SearchRow> results;
    @FXML private TableColumn<SearchRow, String> internalIdCol, serialCol, productCol, lotCol, statusCol, locationCol,
            lastEventCol, gtinCol, matchCol;
    @FXML private StackPane detail;

    public SearchController(SearchViewModel vm, ZoneId zone, Node dossier, Node summary, ObservableBooleanValue unitOpen) {
        this.vm = vm;
        this.zone = zone;
        this.dossier = dossier;
        this.summary = summary;
        this.unitOpen = unitOpen;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(vm.queryProperty());
        keepGroupSeparators(searchField);
        searchField.disableProperty().bind(vm.readyProperty().not());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.submit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        searching.visibleProperty().bind(vm.searchingProperty());
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        vm.problemProperty().addListener((o, a, p) -> message.pseudoClassStateChanged(PROBLEM, p));

        didYouMean.setItems(vm.didYouMean());
        didYouMeanPane.visibleProperty().bind(Bindings.isNotEmpty(vm.didYouMean()));
        didYouMeanPane.managedProperty().bind(didYouMeanPane.visibleProperty());
        didYouMean.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Suggestion s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.unit().serial() + "  ·  " + s.unit().productName()
                        + "\n    " + s.reason());
            }
        });
        didYouMean.setOnMouseClicked(e -> vm.open(didYouMean.getSelectionModel().getSelectedItem()));
        didYouMean.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(didYouMean.getSelectionModel().getSelectedItem());
            }
        });

        column(internalIdCol, r -> r.unit().internalId());
        column(serialCol, r -> r.unit().serial());
        column(productCol, SearchRow::product);
        column(lotCol, r -> Formats.orDash(r.unit().lotCode()));
        column(statusCol, SearchRow::status);
        column(locationCol, r -> Formats.orDash(r.unit().locationPath()));
        column(lastEventCol, r -> r.lastEvent(zone));
        column(gtinCol, r -> Formats.orDash(r.unit().gtin()));
        column(matchCol, SearchRow::match);
        results.setItems(vm.results());
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(results.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.clear();
                searchField.requestFocus();
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.open(results.getSelectionModel().getSelectedItem());
            }
        });

        // the dossier joins the scene with the first unit opened: a faster first window
        detail.getChildren().setAll(summary);
        summary.visibleProperty().bind(Bindings.not(unitOpen));
        unitOpen.addListener((o, was, open) -> {
            if (open && !detail.getChildren().contains(dossier)) {
                detail.getChildren().add(dossier);
                dossier.visibleProperty().bind(unitOpen);
            }
        });
    }

    /**
     * A text field drops control characters, and with them the GS of a GS1 scan, which would run
     * two fields together. Here GS (Ctrl+], or a typed 0x1D) goes in as ␝, which the view model
     * turns back into GS.
     */
    private static void keepGroupSeparators(TextField field) {
        boolean[] pressed = {false};
        field.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (GlobalScanFilter.isGsPress(e)) {
                field.replaceSelection(String.valueOf(KeystrokeBurst.GS_SHOWN));
                pressed[0] = true;
                e.consume();
            }
        });
        field.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if (!e.getCharacter().isEmpty() && e.getCharacter().charAt(0) == KeystrokeBurst.GS) {
                if (!pressed[0]) {
                    field.replaceSelection(String.valueOf(KeystrokeBurst.GS_SHOWN));
                }
                pressed[0] = false;
                e.consume();
            }
        });
    }

    /** Ctrl+F and the global scan put the caret here. */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** A capture from the global scan field: search it at once. */
    public void searchFor(String capture) {
        vm.queryProperty().set(KeystrokeBurst.forTextField(capture));
        vm.submit();
        focusSearch();
    }

    private static void column(TableColumn<SearchRow, String> c, Function<SearchRow, String> value) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }
}
