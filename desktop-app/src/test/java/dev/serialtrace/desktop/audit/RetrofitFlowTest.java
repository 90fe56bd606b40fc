package dev.serialtrace.desktop.audit;

import dev.serialtrace.db.audit.AuditFixture;
import dev.serialtrace.db.audit.StockRetrofit;
import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.DesktopWiring;
import dev.serialtrace.desktop.FlowTests;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;

import static dev.serialtrace.desktop.FlowTests.openWindow;
import static dev.serialtrace.desktop.FlowTests.text;
import static dev.serialtrace.desktop.FlowTests.waitFor;
import static dev.serialtrace.db.jooq.Tables.STOCK;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Counting a shelf with untracked stock serialises it as it goes, until switched off. */
@ExtendWith(ApplicationExtension.class)
class RetrofitFlowTest {
    private static PGSimpleDataSource ds;
    private static DSLContext dsl;
    private static AuditFixture w;
    private DesktopWiring wiring;

    @BeforeAll
    static void database() {
        ds = (PGSimpleDataSource) TestDatabase.fresh();
        dsl = DSL.using(ds, SQLDialect.POSTGRES);
        w = new AuditFixture(dsl);
        System.setProperty("serialtrace.scanner.max-key-gap-ms", "5000");   // the robot types slower than a scanner
    }

    @AfterAll
    static void defaultScannerTiming() {
        System.clearProperty("serialtrace.scanner.max-key-gap-ms");
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
    void untrackedStockIsSerialisedScanByScanUntilSwitchedOff(FxRobot robot) throws Exception {
        waitFor(() -> wiring.searchReady().get());
        robot.clickOn("#nav-audits");
        robot.clickOn("#auditRoot").write("NL/A");
        robot.clickOn("#auditLoad");
        TableView<?> locations = robot.lookup("#auditLocations").queryAs(TableView.class);
        waitFor(() -> locations.getItems().size() == 2);
        robot.clickOn("#auditStart");
        waitFor(() -> wiring.audits().pipeline() != null);
        ChoiceBox<StockRetrofit.UntrackedStock> into = robot.lookup("#retrofitInto").queryAs(ChoiceBox.class);
        waitFor(() -> into.getItems().size() == 2);   // "off" and the 3 untracked pumps on S1
        assertThat(into.getItems().get(0)).isNull();
        robot.interact(() -> into.getSelectionModel().select(1));

        robot.clickOn("#auditScanField");
        scan(robot, "PMP-6601");
        waitFor(() -> dsl.fetchCount(UNIT, UNIT.SERIAL.eq("PMP-6601")) == 1);
        scan(robot, "PMP-6602");
        waitFor(() -> dsl.fetchCount(UNIT, UNIT.SERIAL.eq("PMP-6602")) == 1);
        waitFor(() -> into.getValue() != null && into.getValue().quantity() == 1);
        assertThat(text(robot, "#classificationKind")).isEqualTo("Serialised from stock");
        assertThat(dsl.fetchValue(DSL.select(STOCK.QUANTITY).from(STOCK).where(STOCK.ID.eq(w.stock)))).isEqualTo(1);

        robot.interact(() -> into.getSelectionModel().select(0));   // off: the next capture is an audit scan again
        robot.clickOn("#auditScanField");
        scan(robot, "TVA-1001");
        waitFor(() -> "Matched".equals(text(robot, "#classificationKind")));
        assertThat(dsl.fetchValue(DSL.select(STOCK.QUANTITY).from(STOCK).where(STOCK.ID.eq(w.stock)))).isEqualTo(1);
        assertThat(dsl.fetchCount(UNIT, UNIT.STOCK_ID.eq(w.stock))).isEqualTo(2);
    }

    private static void scan(FxRobot robot, String text) {
        robot.write(text, 1).type(KeyCode.ENTER);
    }
}
