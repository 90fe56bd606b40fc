package dev.serialtrace.desktop.about;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.schema.Migrations;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.DesktopWiring;
import dev.serialtrace.desktop.connection.PasswordVault;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** "About" in the status bar of the real window opens the dialog with the connected database's versions. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private DesktopWiring wiring;
    private PGSimpleDataSource ds;
    private Path home;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        ds = (PGSimpleDataSource) TestDatabase.fresh();
        home = Files.createTempDirectory("st-about");
        wiring = new DesktopWiring(new ConnectionSettings(ds.getURL(), "postgres", null), new DataHome(home),
                PasswordVault.none(), Clock.systemUTC(), ZoneId.of("UTC"));
        stage.setScene(wiring.scene());
        stage.show();
        wiring.connect();
    }

    @AfterEach
    void close() throws Exception {
        // a dialog left open (the test failed before closing it) would sit over the next test class's window
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != stage).forEach(Window::hide)).get();
        WaitForAsyncUtils.asyncFx((Runnable) wiring::close).get();
    }

    @Test
    void aboutShowsTheServerAndSchemaVersionsAndWhereDataLives(FxRobot robot) throws Exception {
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !search.isDisabled());

        robot.clickOn("#about");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#about-server").startsWith("PostgreSQL"));

        assertThat(text(robot, "#about-server")).startsWith("PostgreSQL 17.");
        assertThat(text(robot, "#about-schema")).isEqualTo(new Migrations(ds).latestKnownVersion());
        assertThat(text(robot, "#about-java")).startsWith(System.getProperty("java.version"));
        assertThat(text(robot, "#about-javafx")).startsWith("21.");
        assertThat(text(robot, "#about-data")).isEqualTo(home.toString());

        robot.clickOn("Close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#aboutDialog").tryQuery()).isEmpty();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
