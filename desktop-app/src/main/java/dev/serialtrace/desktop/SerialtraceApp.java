package dev.serialtrace.desktop;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.desktop.common.FxTaskExecutor;
import dev.serialtrace.desktop.connection.ConnectionSummaryController;
import dev.serialtrace.desktop.connection.ConnectionSummaryViewModel;
import dev.serialtrace.desktop.connection.WarehouseConnector;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** The composition root: every service and controller of the desktop client is wired here. */
public final class SerialtraceApp extends Application {
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final AtomicReference<WarehouseConnector.Connection> connection = new AtomicReference<>();

    @Override
    public void start(Stage stage) {
        DataHome home = DataHome.fromEnvironment();
        ConnectionSettings settings = ConnectionSettings.resolve(ConnectionSettings.Overrides.NONE, System.getenv(),
                home.configFile());
        WarehouseConnector connector = new WarehouseConnector(settings, home, Clock.systemDefaultZone());
        ConnectionSummaryViewModel summary = new ConnectionSummaryViewModel(connector, tasks, connection::set,
                ZoneId.systemDefault());

        Map<Class<?>, Object> controllers = Map.of(
                ConnectionSummaryController.class, new ConnectionSummaryController(summary));
        Parent root = load("connection/ConnectionSummary.fxml", controllers::get);

        Scene scene = new Scene(root, 900, 600);
        scene.getStylesheets().add(getClass().getResource("common/serialtrace.css").toExternalForm());
        stage.setTitle("Serialtrace");
        stage.setScene(scene);
        stage.show();
        summary.connect();
    }

    static Parent load(String fxml, Function<Class<?>, Object> controllerFactory) {
        FXMLLoader loader = new FXMLLoader(SerialtraceApp.class.getResource(fxml));
        loader.setControllerFactory(controllerFactory::apply);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    @Override
    public void stop() {
        tasks.close();
        WarehouseConnector.Connection c = connection.get();
        if (c != null) {
            c.database().close();   // also stops the embedded server if this process started it
        }
    }
}
