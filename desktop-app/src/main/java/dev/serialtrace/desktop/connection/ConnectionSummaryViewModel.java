package dev.serialtrace.desktop.connection;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.connect.DatabaseException;
import dev.serialtrace.db.status.DatabaseStatus;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * State of the connection summary: connecting (with progress), connected (what the database
 * holds) or failed (what happened and what to do). Holds no controls; tested without FX.
 */
public final class ConnectionSummaryViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final WarehouseConnector connector;
    private final TaskExecutor tasks;
    private final Consumer<WarehouseConnector.Connection> onConnected;
    private final ZoneId zone;
    private Runnable retry = () -> { };

    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty counting = new SimpleBooleanProperty();
    private final StringProperty summaryError = new SimpleStringProperty("");
    private final StringProperty progressMessage = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final ObjectProperty<DatabaseStatus> status = new SimpleObjectProperty<>();
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty units = new SimpleStringProperty("");
    private final StringProperty events = new SimpleStringProperty("");
    private final StringProperty newestEvent = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorHint = new SimpleStringProperty("");

    public ConnectionSummaryViewModel(WarehouseConnector connector, TaskExecutor tasks,
                                      Consumer<WarehouseConnector.Connection> onConnected, ZoneId zone) {
        this.connector = connector;
        this.tasks = tasks;
        this.onConnected = onConnected;
        this.zone = zone;
    }

    /** Opens the database in the background; "Try again" runs {@code onRetry}. */
    public void connect(ConnectionSettings settings, Runnable onRetry) {
        connect(settings, null, onRetry);
    }

    /** Takes over {@code opening} (started before the window existed) when it is not null. */
    public void connect(ConnectionSettings settings, CompletableFuture<Database> opening, Runnable onRetry) {
        if (busy.get()) {
            return;
        }
        retry = onRetry;
        status.set(null);
        busy.set(true);
        error.set("");
        errorHint.set("");
        BackgroundTask.of(progress -> connector.connect(settings, opening, progress))
                .onProgress((message, fraction) -> {
                    progressMessage.set(message);
                    progress.set(fraction);
                })
                .onSuccess(this::show)
                .onFailure(DatabaseException.class, e -> fail(e.getMessage(), e.hint()))
                .onOtherFailure(e -> fail("Unexpected problem: " + e.getMessage(),
                        "Try again; if it persists, the log file has the details."))
                .executeWith(tasks);
    }

    private void show(WarehouseConnector.Connection connection) {
        busy.set(false);
        onConnected.accept(connection);   // the search field works now; the counts follow
        counting.set(true);
        progressMessage.set("Counting what the database holds … (search is ready)");
        progress.set(-1);
        BackgroundTask.of(p -> connector.status(connection.database()))
                .onSuccess(this::showStatus)
                .onOtherFailure(e -> {
                    counting.set(false);
                    summaryError.set("The summary could not be read (" + e.getMessage() + "); searching works.");
                })
                .executeWith(tasks);
    }

    private void showStatus(DatabaseStatus s) {
        counting.set(false);
        status.set(s);
        database.set(s.embedded() ? "Embedded demo database (" + s.url() + ")" : s.url());
        server.set("PostgreSQL " + s.serverVersion() + " · schema v" + s.schemaVersion() + " · user " + s.user());
        units.set(String.format("%,d", s.units()));
        events.set(String.format("%,d", s.events()));
        newestEvent.set(s.newestEvent() == null ? "none yet" : WHEN.format(s.newestEvent().atZoneSameInstant(zone)));
    }

    public void retry() {
        retry.run();
    }

    private void fail(String message, String hint) {
        error.set(message);
        errorHint.set(hint == null ? "" : hint);
        busy.set(false);
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    /** Connected; the row counts of the summary are still being read. */
    public ReadOnlyBooleanProperty countingProperty() { return counting; }
    /** Connected, but the summary could not be read (the connection itself is fine). */
    public ReadOnlyStringProperty summaryErrorProperty() { return summaryError; }
    public ReadOnlyStringProperty progressMessageProperty() { return progressMessage; }
    public ReadOnlyDoubleProperty progressProperty() { return progress; }
    public ReadOnlyObjectProperty<DatabaseStatus> statusProperty() { return status; }
    public ReadOnlyStringProperty databaseProperty() { return database; }
    public ReadOnlyStringProperty serverProperty() { return server; }
    public ReadOnlyStringProperty unitsProperty() { return units; }
    public ReadOnlyStringProperty eventsProperty() { return events; }
    public ReadOnlyStringProperty newestEventProperty() { return newestEvent; }
    public ReadOnlyStringProperty errorProperty() { return error; }
    public ReadOnlyStringProperty errorHintProperty() { return errorHint; }
}
