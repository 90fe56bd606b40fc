package dev.serialtrace.desktop.connection;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Pane;

/** Binds the connection summary view to its view model. */
public final class ConnectionSummaryController {
    private final ConnectionSummaryViewModel viewModel;

    @FXML private Pane progressPane;
    @FXML private Label progressMessage;
    @FXML private ProgressBar progressBar;
    @FXML private Pane summaryPane;
    @FXML private Label database;
    @FXML private Label server;
    @FXML private Label units;
    @FXML private Label events;
    @FXML private Label newestEvent;
    @FXML private Pane errorPane;
    @FXML private Label error;
    @FXML private Label errorHint;
    @FXML private Label summaryError;
    @FXML private Button retry;

    public ConnectionSummaryController(ConnectionSummaryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        progressPane.visibleProperty().bind(viewModel.busyProperty().or(viewModel.countingProperty()));
        progressPane.managedProperty().bind(progressPane.visibleProperty());
        progressMessage.textProperty().bind(viewModel.progressMessageProperty());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        summaryPane.visibleProperty().bind(viewModel.statusProperty().isNotNull().and(viewModel.busyProperty().not()));
        summaryPane.managedProperty().bind(summaryPane.visibleProperty());
        errorPane.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorPane.managedProperty().bind(errorPane.visibleProperty());
        database.textProperty().bind(viewModel.databaseProperty());
        server.textProperty().bind(viewModel.serverProperty());
        units.textProperty().bind(viewModel.unitsProperty());
        events.textProperty().bind(viewModel.eventsProperty());
        newestEvent.textProperty().bind(viewModel.newestEventProperty());
        error.textProperty().bind(viewModel.errorProperty());
        summaryError.textProperty().bind(viewModel.summaryErrorProperty());
        summaryError.visibleProperty().bind(viewModel.summaryErrorProperty().isNotEmpty());
        summaryError.managedProperty().bind(summaryError.visibleProperty());
        errorHint.textProperty().bind(viewModel.errorHintProperty());
        retry.disableProperty().bind(viewModel.busyProperty());
    }

    @FXML
    private void retry() {
        viewModel.retry();
    }
}
