package dev.serialtrace.desktop;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.desktop.connection.PasswordVault;
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
        // a URL from the environment or config file wins; otherwise the person's connection profiles
        wiring = new DesktopWiring(settings.isEmbedded() ? null : settings, home, PasswordVault.open(),
                Clock.systemDefaultZone(), ZoneId.systemDefault());
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
