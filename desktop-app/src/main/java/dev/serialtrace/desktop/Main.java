package dev.serialtrace.desktop;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.desktop.about.AboutDialog;
import dev.serialtrace.desktop.connection.PasswordVault;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the desktop app. The database starts opening at once, on its own thread, while JavaFX
 * starts and the window is built (both take about a second): the search field is usable sooner.
 * A plain class, not an Application: JavaFX on the class path rejects a main class that is one.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        DataHome home = DataHome.fromEnvironment();
        System.setProperty("serialtrace.logdir", home.logDirectory().toString());   // before any logger exists
        Logger log = LoggerFactory.getLogger(Main.class);
        ConnectionSettings resolved = ConnectionSettings.resolve(ConnectionSettings.Overrides.NONE, System.getenv(),
                home.configFile());
        // a URL from the environment or config file wins; otherwise the person's connection profiles
        ConnectionSettings configured = resolved.isEmbedded() ? null : resolved;
        ConnectionSettings start = DesktopWiring.startingPoint(configured, home);
        CompletableFuture<Database> early = start == null ? null
                : CompletableFuture.supplyAsync(() -> Database.open(start, home, m -> log.info(m)));

        Platform.startup(() -> {
            log.info("startup: JavaFX ready {} ms after JVM start", sinceJvmStart());
            DesktopWiring wiring = new DesktopWiring(configured, home, PasswordVault.lazy(), Clock.systemDefaultZone(),
                    ZoneId.systemDefault());
            wiring.connect(early);
            Stage stage = new Stage();
            stage.setTitle("Serialtrace");
            Optional.ofNullable(AboutDialog.icon()).ifPresent(stage.getIcons()::add);
            stage.setScene(wiring.scene());
            stage.setOnHidden(e -> {
                wiring.close();   // also stops the embedded server if this process started it
                Platform.exit();
            });
            stage.show();
            log.info("startup: window shown {} ms after JVM start", sinceJvmStart());
            wiring.searchReady().addListener((o, a, ready) -> {
                if (ready) {
                    log.info("startup: search field usable {} ms after JVM start", sinceJvmStart());
                }
            });
        });
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
