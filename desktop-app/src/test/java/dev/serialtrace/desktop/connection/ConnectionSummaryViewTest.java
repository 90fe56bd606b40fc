package dev.serialtrace.desktop.connection;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.common.FxTaskExecutor;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The real view, controller and background executor, headless (Monocle), on a real database. */
@ExtendWith(ApplicationExtension.class)
class ConnectionSummaryViewTest {
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final AtomicReference<WarehouseConnector.Connection> connected = new AtomicReference<>();
    private ConnectionSummaryViewModel viewModel;
    private ConnectionSettings settings;

    @Start
    void start(Stage stage) throws Exception {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        settings = new ConnectionSettings(ds.getURL(), "postgres", null);
        WarehouseConnector connector = new WarehouseConnector(new DataHome(Files.createTempDirectory("st-home")), Clock.systemUTC());
        viewModel = new ConnectionSummaryViewModel(connector, tasks, connected::set, ZoneId.of("UTC"));
        FXMLLoader loader = new FXMLLoader(getClass().getResource("/dev/serialtrace/desktop/connection/ConnectionSummary.fxml"));
        loader.setControllerFactory(type -> new ConnectionSummaryController(viewModel));
        Parent root = loader.load();
        stage.setScene(new Scene(root, 800, 500));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        if (connected.get() != null) {
            connected.get().database().close();
        }
    }

    @Test
    void connectsInTheBackgroundThenShowsTheSummary(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.connect(settings, () -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> connected.get() != null);
        // the counts follow the connection (the search field works first): wait for them too
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#summaryPane").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#summaryPane").query().isVisible()).isTrue();
        assertThat(robot.lookup("#units").queryAs(Label.class).getText()).isEqualTo("0");
        assertThat(robot.lookup("#server").queryAs(Label.class).getText()).startsWith("PostgreSQL 17.");
        assertThat(robot.lookup("#errorPane").query().isVisible()).isFalse();
    }
}
