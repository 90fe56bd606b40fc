package dev.serialtrace.desktop.exchange;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.DesktopWiring;
import dev.serialtrace.desktop.FlowTests;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static dev.serialtrace.desktop.FlowTests.openWindow;
import static dev.serialtrace.desktop.FlowTests.text;
import static dev.serialtrace.desktop.FlowTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** A refused event in the Exchange screen reads whole, field and reason first, and copies as text for the partner. */
@ExtendWith(ApplicationExtension.class)
class ExchangeFlowTest {
    private static final String HASH_ID = "ni:///sha-256;" + "0123456789abcdef".repeat(4) + "?ver=CBV2.0";
    @TempDir
    Path dir;
    private DesktopWiring wiring;

    @Start
    void start(Stage stage) throws Exception {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        wiring = openWindow(stage, new ConnectionSettings(ds.getURL(), "postgres", null), Clock.systemUTC());
        stage.setWidth(1200);
        stage.setHeight(800);
    }

    @AfterEach
    void close() throws Exception {
        FlowTests.close(wiring);
    }

    @Test
    void aRefusedEventWithALongEventIdShowsItsReasonWithinTheListAndCopiesAsText(FxRobot robot) throws Exception {
        Path file = dir.resolve("partner.jsonld");
        Files.writeString(file, """
                {"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-01-01T00:00:00Z","epcisBody":{"eventList":[
                 {"type":"ObjectEvent","eventTime":"2026-01-02T10:00:00+01:00","eventTimeZoneOffset":"+01:00","action":"ADD",
                  "bizStep":"commissioning","disposition":"active","epcList":["urn:epc:id:sgtin:0614141.000001.A1"]},
                 {"type":"ObjectEvent","eventID":"%s","eventTime":"2026-01-03T10:00:00+01:00","eventTimeZoneOffset":"+01:00",
                  "action":"LOOK","epcList":["urn:epc:id:sgtin:0614141.000001.A1"]},
                 {"type":"ObjectEvent","eventID":"urn:uuid:late-and-long","eventTime":"21/11/2026 11:00","eventTimeZoneOffset":"+01:00",
                  "action":"OBSERVE","epcList":["urn:epc:id:sgtin:0614141.000001.A1"]}
                ]}}""".formatted(HASH_ID));
        waitFor(() -> wiring.searchReady().get());
        robot.clickOn("#nav-exchange");
        robot.interact(() -> wiring.exchange().importFile(file));
        waitFor(() -> text(robot, "#exchangeStatus").contains("Nothing was imported"));

        ListView<?> list = robot.lookup("#importFailures").queryAs(ListView.class);
        String problem = "event #2: action: 'LOOK' is not ADD, OBSERVE or DELETE";
        String whole = problem + " — eventID " + HASH_ID;
        String longProblem = "event #3: eventTime: '21/11/2026 11:00' is not a date-time with offset (e.g. 2024-03-01T10:15:00+01:00)";
        assertThat(list.getItems()).extracting(Object::toString).containsExactly(whole, longProblem + " — eventID urn:uuid:late-and-long");
        Bounds inList = list.localToScreen(list.getBoundsInLocal());
        // what is wrong reads whole, inside its row of the list (never behind a horizontal scroll), the eventID
        // under it keeping its start and its end, shortened in the middle
        ListCell<?> cell = cell(robot, 0);
        assertThat(shown(cell).getText()).isEqualTo(problem + "\neventID ni:///sha-256;01234567…89abcdef");
        assertInside(shown(cell), cell, inList);
        assertThat(cell.getTooltip().getText()).isEqualTo(whole);
        // a reason longer than the list is wide wraps onto more lines, its eventID under them, all inside the row
        ListCell<?> second = cell(robot, 1);
        assertThat(shown(second).getText()).isEqualTo(longProblem + "\neventID urn:uuid:late-and-long");
        assertThat(shown(second).getBoundsInLocal().getHeight()).as("three lines")
                .isGreaterThan(2.5 * shown(second).getFont().getSize());
        assertInside(shown(second), second, inList);

        robot.clickOn(cell).press(KeyCode.SHORTCUT, KeyCode.C).release(KeyCode.C, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get()).isEqualTo(whole);
    }

    /** The list's cell showing the {@code index}th refused event. */
    private static ListCell<?> cell(FxRobot robot, int index) {
        return robot.lookup("#importFailures .list-cell").match(c -> ((ListCell<?>) c).getIndex() == index
                && ((ListCell<?>) c).getItem() != null).queryAs(ListCell.class);
    }

    /** The text the cell shows. */
    private static Text shown(ListCell<?> cell) {
        return (Text) cell.lookup(".refused-event");
    }

    /** All of the text within its row, and the row within the list's width. */
    private static void assertInside(Text text, ListCell<?> row, Bounds list) {
        Bounds t = text.localToScreen(text.getBoundsInLocal());
        Bounds r = row.localToScreen(row.getBoundsInLocal());
        assertThat(t.getMaxX()).isLessThanOrEqualTo(Math.min(r.getMaxX(), list.getMaxX()));
        assertThat(t.getMaxY()).isLessThanOrEqualTo(r.getMaxY());
        assertThat(t.getMinY()).isGreaterThanOrEqualTo(r.getMinY());
    }
}
