package dev.serialtrace.desktop;

import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the TestFX flow tests share: reading a label, and waiting for a condition of the window. */
public final class FlowTests {
    private FlowTests() {
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
