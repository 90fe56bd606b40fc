package dev.serialtrace.desktop;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import javafx.application.Application;
import javafx.stage.Stage;

import java.time.Clock;
import java.time.ZoneId;

/** The JavaFX application: resolves where to connect and shows the window {@link DesktopWiring} builds. */
public final class SerialtraceApp extends Application {
    private DesktopWiring wiring;

    @Override
    public void start(Stage stage) {
        DataHome home = DataHome.fromEnvironment();
        ConnectionSettings settings = ConnectionSettings.resolve(ConnectionSettings.Overrides.NONE, System.getenv(),
                home.configFile());
        wiring = new DesktopWiring(settings, home, Clock.systemDefaultZone(), ZoneId.systemDefault());
        stage.setTitle("Serialtrace");
        stage.setScene(wiring.scene());
        stage.show();
        wiring.connect();
    }

    @Override
    public void stop() {
        if (wiring != null) {
            wiring.close();
        }
    }
}
