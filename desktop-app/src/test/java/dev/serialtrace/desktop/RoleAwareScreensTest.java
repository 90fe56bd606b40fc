package dev.serialtrace.desktop;

import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.audit.AuditFixture;
import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.testing.TestPeople;
import dev.serialtrace.db.testing.TestPeople.TestPerson;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static dev.serialtrace.desktop.FlowTests.openWindow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed in as a viewer, the app shows the audit, exception and import actions disabled (the
 * database would refuse them anyway — AccessControlTest); reading (showing locations) still works.
 */
@ExtendWith(ApplicationExtension.class)
class RoleAwareScreensTest {
    private static PGSimpleDataSource ds;
    private static TestPerson viewer;
    private DesktopWiring wiring;

    @BeforeAll
    static void warehouseWithAViewer() {
        ds = (PGSimpleDataSource) TestDatabase.fresh();
        new AuditFixture(DSL.using(ds, SQLDialect.POSTGRES));
        viewer = TestPeople.add(ds, "vera", GroupRole.VIEWER);
    }

    @Start
    void start(Stage stage) throws Exception {
        wiring = openWindow(stage, new ConnectionSettings(ds.getURL(), viewer.login(), viewer.password()), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        FlowTests.close(wiring);
    }

    @Test
    void aViewerSeesAuditExceptionAndImportActionsDisabled(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wiring.searchReady().get());
        robot.clickOn("#nav-audits");
        robot.clickOn("#auditRoot").write("NL/A");
        robot.clickOn("#auditLoad");
        TableView<?> locations = robot.lookup("#auditLocations").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> locations.getItems().size() == 2);   // reading works
        WaitForAsyncUtils.waitForFxEvents();
        for (String action : new String[] {"#auditStart", "#auditResume", "#auditClose", "#auditScanField", "#resolve", "#sign"}) {
            assertThat(robot.lookup(action).query().isDisabled()).as(action).isTrue();
        }
        robot.clickOn("#nav-exceptions");
        for (String action : new String[] {"#exceptionMatch", "#exceptionReject", "#exceptionCreate"}) {
            assertThat(robot.lookup(action).query().isDisabled()).as(action).isTrue();
        }
        robot.clickOn("#nav-exchange");
        Node importButton = robot.lookup("#importEpcis").query();
        assertThat(importButton.isDisabled()).isTrue();
        assertThat(robot.lookup("#exportEpcis").query().isDisabled()).as("export only reads").isFalse();

        // a viewer generates reports, but may not sign one
        robot.clickOn("#nav-reports");
        robot.interact(() -> wiring.reports().prepare("chain-of-custody", java.util.Map.of("units", "TVA-1001")));
        robot.clickOn("#report-generate");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> wiring.reports().filledProperty().get() != null)
                .get(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#report-export-pdf").query().isDisabled()).as("export").isFalse();
        assertThat(robot.lookup("#report-approve").query().isDisabled()).as("sign").isTrue();
    }
}
