package dev.serialtrace.desktop.exceptions;

import dev.serialtrace.db.audit.AuditFixture;
import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.DesktopWiring;
import dev.serialtrace.desktop.FlowTests;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jooq.DSLContext;
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

import java.time.Clock;
import java.time.OffsetDateTime;

import static dev.serialtrace.desktop.FlowTests.openWindow;
import static dev.serialtrace.desktop.FlowTests.text;
import static dev.serialtrace.desktop.FlowTests.waitFor;
import static dev.serialtrace.db.jooq.Tables.CAPTURE_EXCEPTION;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/** An unknown serial from the queue becomes a unit of a product picked by searching for it. */
@ExtendWith(ApplicationExtension.class)
class ExceptionsFlowTest {
    private static PGSimpleDataSource ds;
    private static DSLContext dsl;
    private static AuditFixture w;
    private DesktopWiring wiring;

    @BeforeAll
    static void database() {
        ds = (PGSimpleDataSource) TestDatabase.fresh();
        dsl = DSL.using(ds, SQLDialect.POSTGRES);
        w = new AuditFixture(dsl);
        dsl.insertInto(CAPTURE_EXCEPTION, CAPTURE_EXCEPTION.KIND, CAPTURE_EXCEPTION.RAW_INPUT, CAPTURE_EXCEPTION.SITE_ID,
                        CAPTURE_EXCEPTION.LOCATION_ID, CAPTURE_EXCEPTION.OCCURRED_AT, CAPTURE_EXCEPTION.DETAIL)
                .values(dev.serialtrace.db.jooq.enums.CaptureExceptionKind.unknown_serial, "PMP-8801", w.site, w.s1,
                        OffsetDateTime.now(), "not on file")
                .execute();
    }

    @Start
    void start(Stage stage) throws Exception {
        wiring = openWindow(stage, new ConnectionSettings(ds.getURL(), "postgres", null), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        FlowTests.close(wiring);
    }

    @Test
    void anUnknownSerialBecomesAUnitOfAProductPickedBySearching(FxRobot robot) throws Exception {
        waitFor(() -> wiring.searchReady().get());
        robot.clickOn("#nav-exceptions");
        TableView<?> rows = robot.lookup("#exceptionRows").queryAs(TableView.class);
        waitFor(() -> rows.getItems().size() == 1);
        robot.interact(() -> rows.getSelectionModel().select(0));
        robot.clickOn("#exceptionCreate");
        waitFor(() -> text(robot, "#exceptionMessage").contains("Choose the product"));

        // the picker: open it, search by what people know (part of the name), take the match
        robot.clickOn("#exceptionNewProduct").write("infusion").type(KeyCode.DOWN).type(KeyCode.ENTER);
        org.controlsfx.control.SearchableComboBox<?> picker =
                robot.lookup("#exceptionNewProduct").queryAs(org.controlsfx.control.SearchableComboBox.class);
        waitFor(() -> picker.getValue() != null);
        assertThat(picker.getValue().toString()).startsWith("PUMP-2 · Infusion pump");
        robot.clickOn("#exceptionReason").write("real unit, label never registered");
        robot.clickOn("#exceptionCreate");
        waitFor(() -> text(robot, "#exceptionMessage").contains("Unit PMP-8801 created"));
        assertThat(dsl.select(UNIT.PRODUCT_ID).from(UNIT).where(UNIT.SERIAL.eq("PMP-8801")).fetchOne().value1()).isEqualTo(w.data.pump);
        assertThat(dsl.select(CAPTURE_EXCEPTION.STATUS).from(CAPTURE_EXCEPTION).fetchOne().value1().getLiteral()).isEqualTo("created");
    }
}
