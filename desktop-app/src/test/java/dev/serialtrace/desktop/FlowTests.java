package dev.serialtrace.desktop;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.desktop.connection.PasswordVault;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the TestFX flow tests share: the app's window, reading a label, and waiting for a condition of the window. */
public final class FlowTests {
    private FlowTests() {
    }

    /** The app's window on {@code settings} (a fresh data home, no saved passwords, UTC), shown and connecting. */
    public static DesktopWiring openWindow(Stage stage, ConnectionSettings settings, Clock clock) throws Exception {
        DesktopWiring wiring = new DesktopWiring(settings, new DataHome(Files.createTempDirectory("st-flow-home")),
                PasswordVault.none(), clock, ZoneId.of("UTC"));
        stage.setScene(wiring.scene());
        stage.show();
        wiring.connect();
        return wiring;
    }

    /** Closes the window's wiring on the FX thread and waits for it. */
    public static void close(DesktopWiring wiring) throws Exception {
        WaitForAsyncUtils.asyncFx((Runnable) wiring::close).get();
    }

    /** The text of the label {@code query} finds, or "" while there is none. */
    public static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    public static void waitFor(BooleanSupplier condition) throws Exception {
        waitFor(condition, 20);
    }

    /** The condition is read on the FX thread: what it looks at changes there. */
    public static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(seconds, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
