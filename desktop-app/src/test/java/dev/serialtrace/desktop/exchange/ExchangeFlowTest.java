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
                  "action":"LOOK","epcList":["urn:epc:id:sgtin:0614141.000001.A1"]}
                ]}}""".formatted(HASH_ID));
        waitFor(() -> wiring.searchReady().get());
        robot.clickOn("#nav-exchange");
        robot.interact(() -> wiring.exchange().importFile(file));
        waitFor(() -> text(robot, "#exchangeStatus").contains("Nothing was imported"));

        ListView<?> list = robot.lookup("#importFailures").queryAs(ListView.class);
        String problem = "event #2: action: 'LOOK' is not ADD, OBSERVE or DELETE";
        String whole = problem + " — eventID " + HASH_ID;
        assertThat(list.getItems()).extracting(Object::toString).containsExactly(whole);
        ListCell<?> cell = robot.lookup("#importFailures .list-cell").match(c -> ((ListCell<?>) c).getItem() != null)
                .queryAs(ListCell.class);
        Bounds inList = list.localToScreen(list.getBoundsInLocal());
        // what is wrong reads whole, inside the list (wrapped if need be, never behind a horizontal scroll) ...
        Text what = shown(cell, 0);
        assertThat(what.getText()).isEqualTo(problem);
        assertThat(what.localToScreen(what.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(inList.getMaxX());
        // ... and the eventID under it keeps its start and its end, shortened in the middle to fit
        Text id = shown(cell, 1);
        assertThat(id.getText()).startsWith("eventID ni:///sha-256;0123").endsWith("cdef?ver=CBV2.0");
        assertThat(id.localToScreen(id.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(inList.getMaxX());
        assertThat(cell.getTooltip().getText()).isEqualTo(whole);

        robot.clickOn(cell).press(KeyCode.SHORTCUT, KeyCode.C).release(KeyCode.C, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get()).isEqualTo(whole);
    }

    /** The text a line of the cell shows (with "…" where it was shortened). */
    private static Text shown(ListCell<?> cell, int line) {
        javafx.scene.control.Label label = (javafx.scene.control.Label) ((javafx.scene.layout.VBox) cell.getGraphic()).getChildren().get(line);
        return (Text) label.lookup(".text");
    }
}
