package dev.serialtrace.desktop;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.custody.CustodyCommands;
import dev.serialtrace.db.custody.NewCustodyEvent;
import dev.serialtrace.db.jooq.enums.LocationKind;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.UnitFixture;
import dev.serialtrace.desktop.common.FxThreadGuardedDataSource;
import dev.serialtrace.desktop.unit.TimelineKind;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static dev.serialtrace.desktop.FlowTests.openWindow;
import static dev.serialtrace.desktop.FlowTests.text;
import static dev.serialtrace.desktop.FlowTests.waitFor;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real window, wired as the app wires it, on a real database, driven by keyboard and mouse (headless). */
@ExtendWith(ApplicationExtension.class)
class DesktopFlowTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    private DesktopWiring wiring;
    private PGSimpleDataSource ds;
    private String tvInternalId;

    @Start
    void start(Stage stage) throws Exception {
        ds = (PGSimpleDataSource) TestDatabase.fresh();
        DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
        UnitFixture data = new UnitFixture(dsl);
        long site = dsl.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE)
                .values("NL", "Venlo", data.acme, "Europe/Amsterdam").returning(SITE.ID).fetchOne().getId();
        long dock = location(dsl, site, "NL/DOCK");
        long shelf = location(dsl, site, "NL/B4");
        long tv = data.unit(data.tv, "TV-8K-2025-X4M9", null);
        long kit = data.unit(data.tv, "HT-SET-0001", null);
        long speaker = data.unit(data.pump, "SPK-77", null);
        tvInternalId = data.internalId(tv);
        CustodyCommands commands = new CustodyCommands(dsl);
        record(commands, tv, T0, BizStep.receiving, Disposition.in_progress, null, dock, null);
        record(commands, tv, T0.plusHours(1), BizStep.storing, Disposition.sellable_accessible, dock, shelf, null);
        record(commands, tv, T0.plusHours(2), BizStep.picking, Disposition.in_progress, shelf, dock, null);
        record(commands, tv, T0.plusHours(3), BizStep.shipping, Disposition.in_transit, dock, null, null);
        record(commands, tv, T0.plusHours(4), BizStep.picking, Disposition.in_progress, shelf, dock, null);   // illegal
        record(commands, kit, T0, BizStep.receiving, Disposition.in_progress, null, dock, null);
        record(commands, speaker, T0, BizStep.receiving, Disposition.in_progress, null, dock, null);
        record(commands, speaker, T0.plusMinutes(5), BizStep.packing, Disposition.in_progress, dock, dock, kit);

        wiring = openWindow(stage, new ConnectionSettings(ds.getURL(), "postgres", null), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        FlowTests.close(wiring);
    }

    @Test
    void typingASerialOpensItsDossierWithTheWholeTimeline(FxRobot robot) throws Exception {
        waitForSearchField(robot);
        robot.clickOn("#searchField").write("tv-8k-2025-x4m9").type(KeyCode.ENTER);
        waitFor(() -> "TV-8K-2025-X4M9".equals(text(robot, "#identity-serial")));

        TableView<?> timeline = robot.lookup("#timeline").queryAs(TableView.class);
        assertThat(timeline.getItems()).hasSize(5);
        assertThat(text(robot, "#identity-internal-id")).isEqualTo(tvInternalId);
        // the second picking came after shipping without a return: flagged; it also left a shelf the unit never reached
        assertThat(text(robot, "#timelineCounts")).startsWith("5 events · 1 flagged · 1 gaps");

        robot.interact(() -> robot.lookup("#timelineKind").queryAs(ChoiceBox.class).setValue(TimelineKind.FLAGGED));
        assertThat(timeline.getItems()).hasSize(1);
    }

    @Test
    void aGs1ScanWithGroupSeparatorsTypedIntoTheSearchFieldFindsTheUnit(FxRobot robot) throws Exception {
        waitForSearchField(robot);
        // lot 10 is variable length: only the GS (sent as Ctrl+]) ends it before serial 21
        robot.clickOn("#searchField").write("]d201" + UnitFixture.TV_GTIN + "10ANYLOT");
        robot.press(KeyCode.CONTROL).type(KeyCode.CLOSE_BRACKET).release(KeyCode.CONTROL);
        robot.write("21TV-8K-2025-X4M9").type(KeyCode.ENTER);
        waitFor(() -> "TV-8K-2025-X4M9".equals(text(robot, "#identity-serial")));
        assertThat(text(robot, "#searchMessage")).contains("gtin+serial");
    }

    @Test
    void aTypoOffersTheUnitItProbablyMeant(FxRobot robot) throws Exception {
        waitForSearchField(robot);
        robot.clickOn("#searchField").write("TV-8K-2O25-X4M9").type(KeyCode.ENTER);   // O for 0
        ListView<?> suggestions = robot.lookup("#didYouMean").queryAs(ListView.class);
        waitFor(() -> !suggestions.getItems().isEmpty());
        assertThat(suggestions.getItems().get(0).toString()).contains("TV-8K-2025-X4M9");
        assertThat(text(robot, "#searchMessage")).contains("did you mean");
    }

    @Test
    void aKitShowsItsChildrenAndOpensThem(FxRobot robot) throws Exception {
        waitForSearchField(robot);
        robot.clickOn("#searchField").write("HT-SET-0001").type(KeyCode.ENTER);
        waitFor(() -> "HT-SET-0001".equals(text(robot, "#identity-serial")));
        robot.clickOn("Kit");
        TableView<?> children = robot.lookup("#kitChildren").queryAs(TableView.class);
        assertThat(children.getItems()).hasSize(1);
        robot.interact(() -> children.getSelectionModel().select(0));
        robot.clickOn("#kitChildren").type(KeyCode.ENTER);
        waitFor(() -> "SPK-77".equals(text(robot, "#identity-serial")));
        robot.clickOn("#dossierBack");
        waitFor(() -> "HT-SET-0001".equals(text(robot, "#identity-serial")));
    }

    @Test
    void typingAnywhereOutsideATextFieldSearchesToo(FxRobot robot) throws Exception {
        waitForSearchField(robot);
        robot.clickOn("#results");   // focus leaves the search field
        robot.write(tvInternalId).type(KeyCode.ENTER);
        waitFor(() -> "TV-8K-2025-X4M9".equals(text(robot, "#identity-serial")));
        assertThat(robot.lookup("#searchField").queryAs(TextField.class).getText()).isEqualTo(tvInternalId);
    }

    @Test
    void aDroppedConnectionLosesNothingOnScreenAndTheNextScanWorks(FxRobot robot) throws Exception {
        waitForSearchField(robot);
        robot.clickOn("#searchField").write("HT-SET-0001").type(KeyCode.ENTER);
        waitFor(() -> "HT-SET-0001".equals(text(robot, "#identity-serial")));

        // the server drops every connection of the app (a restart, a network cut)
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where datname = current_database() and pid <> pg_backend_pid()");
        }
        assertThat(text(robot, "#identity-serial")).isEqualTo("HT-SET-0001");

        robot.clickOn("#searchField").eraseText(20).write("TV-8K-2025-X4M9").type(KeyCode.ENTER);
        waitFor(() -> "TV-8K-2025-X4M9".equals(text(robot, "#identity-serial")));
    }

    @Test
    void everySectionOfTheRailOpensItsScreen(FxRobot robot) {
        for (dev.serialtrace.desktop.shell.Section section : dev.serialtrace.desktop.shell.Section.values()) {
            String name = section.name().toLowerCase();
            robot.clickOn("#nav-" + name);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#coming-" + name).tryQuery()).as(section.label()).isEmpty();
        }
        robot.clickOn("#nav-search");
        assertThat(robot.lookup("#searchField").tryQuery()).isPresent();
    }

    @Test
    void theDatabaseRefusesWorkOnTheFxThread() {
        FxThreadGuardedDataSource guarded = new FxThreadGuardedDataSource(ds);
        assertThatThrownBy(() -> WaitForAsyncUtils.asyncFx((java.util.concurrent.Callable<java.sql.Connection>) guarded::getConnection).get())
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JavaFX thread");
    }

    private void waitForSearchField(FxRobot robot) throws Exception {
        TextField field = robot.lookup("#searchField").queryAs(TextField.class);
        waitFor(() -> !field.isDisabled());
        assertThat(text(robot, "#statusUser")).contains("postgres");
    }

    private static long location(DSLContext dsl, long site, String path) {
        return dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(site, LocationKind.shelf, path, path).returning(LOCATION.ID).fetchOne().getId();
    }

    private static void record(CustodyCommands c, long unit, OffsetDateTime at, BizStep step, Disposition d, Long from,
                               Long to, Long parent) {
        c.record(new NewCustodyEvent(unit, at, "Europe/Amsterdam", step, d, from, to, null, null, parent, List.of(),
                new NewCustodyEvent.Capture(NewCustodyEvent.Capture.Method.scan, null, null, null), null));
    }
}
