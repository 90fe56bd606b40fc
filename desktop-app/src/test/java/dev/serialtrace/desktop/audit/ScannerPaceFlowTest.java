package dev.serialtrace.desktop.audit;

import dev.serialtrace.db.audit.AuditFixture;
import dev.serialtrace.db.audit.ScanClass;
import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.DesktopWiring;
import dev.serialtrace.desktop.FlowTests;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
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
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.serialtrace.desktop.FlowTests.openWindow;
import static dev.serialtrace.desktop.FlowTests.text;
import static dev.serialtrace.desktop.FlowTests.waitFor;
import static dev.serialtrace.db.jooq.Tables.AUDIT_SCAN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5: "keeps up with a scanner at 10 scans per second without dropping or reordering a
 * keystroke". The test robot waits for the FX thread after every key and cannot type that fast,
 * so a second thread plays the scanner: it posts each key to the FX thread 4 ms after the
 * previous one and starts a scan every 100 ms, as a keyboard-wedge scanner does. Forty scans —
 * shelf units, strangers that need the database, repeats — must all arrive, in order, whole,
 * recognised as scanned, classified and stored.
 */
@ExtendWith(ApplicationExtension.class)
class ScannerPaceFlowTest {
    private static final int SCANS = 40;
    private static PGSimpleDataSource ds;
    private static DSLContext dsl;
    private static AuditFixture w;
    private DesktopWiring wiring;

    @BeforeAll
    static void database() {
        ds = (PGSimpleDataSource) TestDatabase.fresh();
        dsl = DSL.using(ds, SQLDialect.POSTGRES);
        w = new AuditFixture(dsl);
        for (int i = 1; i <= 30; i++) {
            w.shelved("TVP-%04d".formatted(2000 + i), w.s1);
        }
        // The pace under test is the sender's; whether a burst counts as scanned is KeystrokeBurstTest's
        // subject. On a loaded build machine the sending thread itself can be late by far more than a
        // scanner's 35 ms between keys, which would make a scan "typed" and stop the flow for a reason.
        System.setProperty("serialtrace.scanner.max-key-gap-ms", "1000");
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
    void tenScansASecondAllArriveInOrderClassifiedAndStoredAndAScanIsNeverTakenForAReason(FxRobot robot) throws Exception {
        waitFor(() -> wiring.searchReady().get());
        robot.clickOn("#nav-audits");
        robot.clickOn("#auditRoot").write("NL/A");
        robot.clickOn("#auditLoad");
        waitFor(() -> robot.lookup("#auditLocations").queryAs(javafx.scene.control.TableView.class).getItems().size() == 2);
        robot.clickOn("#auditStart");
        waitFor(() -> wiring.audits().auditProperty().get() != null && wiring.audits().pipeline() != null);
        robot.clickOn("#auditScanField");
        Node field = robot.lookup("#auditScanField").query();

        // 30 shelf units, each followed every third scan by a stranger or a repeat
        List<String> sent = new ArrayList<>();
        for (int i = 1; sent.size() < SCANS; i++) {
            sent.add("TVP-%04d".formatted(2000 + i));
            if (i % 3 == 0) {
                sent.add(i % 2 == 0 ? "TVP-%04d".formatted(2000 + i - 1) : "ZZP-%04d".formatted(3000 + i));
            }
        }
        long started = System.nanoTime();
        for (int n = 0; n < sent.size(); n++) {
            scanInto(field, sent.get(n));
            long next = started + (n + 1) * 100_000_000L;
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(sent.size() / seconds).as("scans per second sent").isGreaterThan(8.5);

        try {
            waitFor(() -> wiring.audits().scans().size() == SCANS
                    && wiring.audits().scans().stream().noneMatch(r -> r.kindProperty().get() == ScanClass.PENDING)
                    && "online — every scan stored".equals(text(robot, "#sendingState")), 60);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("after " + seconds + " s: " + WaitForAsyncUtils.asyncFx(() -> wiring.audits().scans().stream()
                    .map(r -> r.seq() + " " + r.shown() + " " + r.method() + " " + r.kindProperty().get()).toList()).get()
                    + "; state: " + text(robot, "#sendingState") + " / " + text(robot, "#classificationKind") + " / "
                    + text(robot, "#classificationDetail") + "; field: " + ((javafx.scene.control.TextField) field).getText(), e);
        }
        List<ScanRow> rows = WaitForAsyncUtils.asyncFx(() -> wiring.audits().scans().stream()
                .sorted(Comparator.comparingInt(ScanRow::seq)).toList()).get();
        assertThat(rows).extracting(ScanRow::shown).containsExactlyElementsOf(sent);
        assertThat(rows).extracting(ScanRow::method).containsOnly("scanned");
        assertThat(rows.stream().filter(r -> r.kindProperty().get() == ScanClass.MATCHED)).hasSize(30);
        assertThat(rows.stream().filter(r -> r.kindProperty().get() == ScanClass.UNKNOWN)).hasSize(5);
        assertThat(rows.stream().filter(r -> r.kindProperty().get() == ScanClass.DUPLICATE)).hasSize(5);
        assertThat(dsl.select(AUDIT_SCAN.RAW_INPUT).from(AUDIT_SCAN).orderBy(AUDIT_SCAN.SEQ).fetch(AUDIT_SCAN.RAW_INPUT))
                .containsExactlyElementsOf(sent);
        assertThat(text(robot, "#progressFound")).isEqualTo("30");

        // a person types a serial (one long pause): the reason field takes focus and asks; a scan
        // arriving meanwhile is the next scan, not the reason, and the typed entry keeps waiting
        robot.clickOn("#auditScanField").write("TVA-10", 1).sleep(1500).write("01").type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#classificationDetail").contains("give a reason"));
        Node reason = robot.lookup("#manualReason").query();
        waitFor(reason::isFocused);
        scanInto(reason, "TVA-1002");
        waitFor(() -> wiring.audits().scans().stream().anyMatch(r -> r.shown().equals("TVA-1002")
                && r.method().equals("scanned") && r.kindProperty().get() == ScanClass.MATCHED));
        assertThat(((javafx.scene.control.TextField) reason).getText()).isEmpty();
        assertThat(robot.lookup("#auditScanField").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("TVA-1001");
        robot.clickOn("#manualReason").write("label", 1).sleep(1500).write(" torn", 1).type(KeyCode.ENTER);
        waitFor(() -> wiring.audits().scans().stream().anyMatch(r -> r.shown().equals("TVA-1001")
                && r.method().equals("typed") && r.kindProperty().get() == ScanClass.MATCHED));
        assertThat(dsl.fetchValue("select manual_reason from audit_scan where raw_input = 'TVA-1001'")).isEqualTo("label torn");
    }

    /** A scanner's burst: each key posted to the window 4 ms after the last, then Enter. */
    private static void scanInto(Node target, String payload) throws InterruptedException {
        for (char c : payload.toCharArray()) {
            String ch = String.valueOf(c);
            Platform.runLater(() -> Event.fireEvent(target,
                    new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false, false, false)));
            Thread.sleep(4);
        }
        Platform.runLater(() -> Event.fireEvent(target,
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false)));
    }
}
