package dev.serialtrace.desktop.audit;

import dev.serialtrace.db.audit.AuditFixture;
import dev.serialtrace.db.audit.AuditScan;
import dev.serialtrace.db.audit.Discrepancy;
import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.testing.TestPeople;
import dev.serialtrace.db.unit.UnitFixture;
import dev.serialtrace.desktop.DesktopWiring;
import dev.serialtrace.desktop.connection.PasswordVault;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import static dev.serialtrace.desktop.FlowTests.text;
import static dev.serialtrace.desktop.FlowTests.waitFor;
import static dev.serialtrace.db.jooq.Tables.AUDIT_SCAN;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An audit driven through the real window on a real database with simulated scanner bursts: every
 * classification, GS1 group separators, a typed entry that needs a reason, a database outage in
 * the middle (connections killed and refused) with the journal replayed exactly once, a burst
 * while a dialog is open, closing and resolving.
 */
@ExtendWith(ApplicationExtension.class)
class AuditFlowTest {
    private DesktopWiring wiring;
    private static PGSimpleDataSource ds;
    private static AuditFixture w;
    private static DSLContext dsl;
    private Path home;

    @BeforeAll
    static void lenientScannerTiming() {
        // the database is built here, not within the window's setup time limit
        ds = (PGSimpleDataSource) TestDatabase.fresh();
        dsl = DSL.using(ds, SQLDialect.POSTGRES);
        w = new AuditFixture(dsl);
        // the test robot needs longer than a real scanner between keys (it waits for the FX thread)
        System.setProperty("serialtrace.scanner.max-key-gap-ms", "5000");
    }

    @AfterAll
    static void defaultScannerTiming() {
        System.clearProperty("serialtrace.scanner.max-key-gap-ms");
    }

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("st-audit-home");
        try {
            wiring = new DesktopWiring(new ConnectionSettings(ds.getURL(), "postgres", null), new DataHome(home),
                    PasswordVault.none(), Clock.systemUTC(), ZoneId.of("UTC"));
        } catch (RuntimeException e) {
            e.printStackTrace();   // a failed start otherwise only times out
            throw e;
        }
        stage.setScene(wiring.scene());
        stage.show();
        wiring.connect();
    }

    @AfterEach
    void close() throws Exception {
        allowConnections(true);
        WaitForAsyncUtils.asyncFx((Runnable) wiring::close).get();
    }

    @Test
    void anAuditByScannerSurvivesAnOutageAndCloses(FxRobot robot) throws Exception {
        waitFor(() -> wiring.searchReady().get());
        robot.clickOn("#nav-audits");
        robot.clickOn("#auditRoot").write("NL/A");
        robot.clickOn("#auditLoad");
        TableView<?> locations = robot.lookup("#auditLocations").queryAs(TableView.class);
        waitFor(() -> locations.getItems().size() == 2);
        assertThat(text(robot, "#auditPlanMessage")).contains("2 locations, 2 due");
        robot.clickOn("#auditStart");
        waitFor(() -> wiring.audits().auditProperty().get() != null && wiring.audits().pipeline() != null);
        assertThat(text(robot, "#progressExpected")).isEqualTo("8");

        robot.clickOn("#auditScanField");
        scan(robot, "TVA-1001");
        expectKind(robot, "Matched");
        // GS1: a variable-length lot ended by GS (Ctrl+]), then the serial
        robot.write("]d201" + UnitFixture.TV_GTIN + "10LOT7", 1);
        robot.press(KeyCode.CONTROL).type(KeyCode.CLOSE_BRACKET).release(KeyCode.CONTROL);
        scan(robot, "21TVA-1003");
        expectKind(robot, "Matched");
        scan(robot, "TVA-9009");
        expectKind(robot, "Wrong location");
        assertThat(text(robot, "#classificationDetail")).contains("NL/B/S9");
        scan(robot, "TVA-7007");
        expectKind(robot, "Status conflict");
        scan(robot, "TVA-1OO2");
        expectKind(robot, "Unknown");
        ListView<?> didYouMean = robot.lookup("#auditDidYouMean").queryAs(ListView.class);
        waitFor(() -> !didYouMean.getItems().isEmpty());
        assertThat(didYouMean.getItems().toString()).contains("TVA-1002");
        scan(robot, "]C1ABC");
        expectKind(robot, "Invalid");
        scan(robot, "TVA-1001");
        expectKind(robot, "Duplicate scan");
        // typed by a person: slow keys, so a reason is asked for before it counts
        robot.write("TVA-100", 1).sleep(6000).write("4").type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#classificationDetail").contains("give a reason"));
        robot.clickOn("#manualReason").write("label", 1).sleep(5500).write(" torn", 1).type(KeyCode.ENTER);   // typed: a fast burst here would be a scan
        expectKind(robot, "Matched");
        waitFor(() -> "online — every scan stored".equals(text(robot, "#sendingState")));
        assertThat(storedScans()).isEqualTo(8);

        // the database goes away: connections killed, new ones refused
        allowConnections(false);
        robot.clickOn("#auditScanField");
        scan(robot, "TVA-1005");
        expectKind(robot, "Matched");   // judged from memory, offline
        ChoiceBox<AuditViewModel.LocationChoice> at = robot.lookup("#auditLocation").queryAs(ChoiceBox.class);
        robot.interact(() -> at.setValue(at.getItems().get(1)));   // the auditor moves on to NL/A/S2
        robot.clickOn("#auditScanField");
        scan(robot, "KIT-0001");
        expectKind(robot, "Matched");
        assertThat(text(robot, "#classificationDetail")).contains("kit: 1 child counted");
        scan(robot, "ZZZ-0001");   // needs the database: waits
        waitFor(() -> "offline — 3 scans waiting".equals(text(robot, "#sendingState")), 60);
        assertThat(text(robot, "#progressFound")).isEqualTo("6");   // tv1, tv3, tv4, kit + child, mover
        assertThat(Files.readString(home.resolve("audits").resolve(wiring.audits().auditProperty().get().code() + ".journal")))
                .contains("S\t");

        allowConnections(true);
        waitFor(() -> "online — every scan stored".equals(text(robot, "#sendingState")), 60);
        assertThat(storedScans()).isEqualTo(11);
        assertThat(dsl.selectCount().from(AUDIT_SCAN).where(AUDIT_SCAN.RAW_INPUT.eq("ZZZ-0001"))
                .and(AUDIT_SCAN.CLASSIFICATION.eq(dev.serialtrace.db.jooq.enums.ScanClassification.unknown)).fetchOne().value1())
                .isEqualTo(1);
        // replaying the whole journal again stores nothing twice
        ScanJournal journal = new ScanJournal(home.resolve("audits").resolve(wiring.audits().auditProperty().get().code() + ".journal"));
        for (AuditScan s : journal.all()) {
            assertThat(wiring.audits().pipeline() != null).isTrue();
            assertThat(new dev.serialtrace.db.audit.AuditCommands(dsl).recordScan(s.classification()
                    == dev.serialtrace.db.audit.ScanClass.PENDING ? s.classifiedAs(
                    new dev.serialtrace.db.audit.Classification(dev.serialtrace.db.audit.ScanClass.UNKNOWN, null, "", null, 0)) : s))
                    .isFalse();
        }
        journal.close();
        assertThat(storedScans()).isEqualTo(11);
        assertThat(dsl.fetchCount(dsl.selectDistinct(AUDIT_SCAN.CLIENT_SCAN_ID).from(AUDIT_SCAN))).isEqualTo(11);

        // closing asks first; a scan arriving while that dialog is open is still counted
        robot.clickOn("#auditClose");
        waitFor(() -> robot.lookup("#closeConfirm").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#closeConfirm").query().getScene().getWindow());   // the scanner types into the dialog
        scan(robot, "TVA-1002");   // recorded on S1, found while at S2: wrong location, but found
        try {
            waitFor(() -> "7".equals(text(robot, "#progressFound")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("found " + text(robot, "#progressFound") + ", shown " + text(robot, "#classificationKind")
                    + " / " + text(robot, "#classificationCapture") + "; windows: " + javafx.stage.Window.getWindows().stream()
                    .map(x -> x.getClass().getSimpleName() + " focused=" + x.isFocused() + " owner="
                            + (x.getScene() == null ? null : x.getScene().getFocusOwner())).toList(), e);
        }
        assertThat(robot.lookup("#closeConfirm").tryQuery()).isPresent();   // Enter ended the scan, not the dialog
        Node ok = robot.lookup("#closeConfirm").lookup(".button").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Button b && b.isDefaultButton()).findFirst().orElseThrow();
        robot.clickOn(ok);
        waitFor(() -> !text(robot, "#closeSummary").isEmpty());
        assertThat(text(robot, "#closeSummary")).contains("8 expected, 7 found, 1 missing, 5 unexpected");
        assertThat(storedScans()).isEqualTo(12);

        TableView<Discrepancy> discrepancies = robot.lookup("#discrepancies").queryAs(TableView.class);
        Discrepancy stray = discrepancies.getItems().stream().filter(d -> w.stray == (d.unitId() == null ? 0 : d.unitId()))
                .findFirst().orElseThrow();
        String hashBefore = text(robot, "#contentHash");
        robot.interact(() -> {
            discrepancies.getSelectionModel().select(stray);
            robot.lookup("#resolution").queryAs(ChoiceBox.class).setValue(dev.serialtrace.db.audit.Resolution.MOVE_RECORD);
        });
        robot.clickOn("#resolutionReason").write("found on S1; record moved");
        robot.clickOn("#resolve");
        waitFor(() -> discrepancies.getItems().stream().anyMatch(d -> d.id() == stray.id() && d.resolved()));
        assertThat(dsl.select(UNIT.LOCATION_ID).from(UNIT).where(UNIT.ID.eq(w.stray)).fetchOne().value1()).isEqualTo(w.s1);
        waitFor(() -> !text(robot, "#contentHash").equals(hashBefore));

        // sign-off waits until every discrepancy is resolved
        TestPeople.TestPerson ann = TestPeople.add(ds, "Ann", GroupRole.SUPERVISOR);
        TestPeople.TestPerson bob = TestPeople.add(ds, "Bob", GroupRole.COMPLIANCE);
        signAs(robot, ann, dev.serialtrace.db.signature.SignatureMeaning.PERFORMED);
        waitFor(() -> text(robot, "#signMessage").contains("Resolve every discrepancy before signing: 5 still open"));
        while (discrepancies.getItems().stream().anyMatch(d -> !d.resolved())) {
            Discrepancy open = discrepancies.getItems().stream().filter(d -> !d.resolved()).findFirst().orElseThrow();
            robot.interact(() -> {
                discrepancies.getSelectionModel().select(open);
                robot.lookup("#resolution").queryAs(ChoiceBox.class).setValue(dev.serialtrace.db.audit.Resolution.ESCALATE);
            });
            robot.clickOn("#resolutionReason").write("escalated to quality");
            robot.clickOn("#resolve");
            waitFor(() -> discrepancies.getItems().stream().anyMatch(d -> d.id() == open.id() && d.resolved()));
        }
        signAs(robot, ann, dev.serialtrace.db.signature.SignatureMeaning.PERFORMED);
        ListView<?> signatures = robot.lookup("#signatures").queryAs(ListView.class);
        waitFor(() -> signatures.getItems().size() == 1);
        assertThat(signatures.getItems().get(0).toString()).startsWith("✔ valid — Ann Tester (" + ann.login() + "), performed by, ");
        // the audit changes after Ann signed (here behind the application's back): her signature no longer holds
        dsl.execute("update audit_discrepancy set resolution_reason = 'changed later' where id = " + stray.id());
        signAs(robot, bob, dev.serialtrace.db.signature.SignatureMeaning.APPROVED);
        waitFor(() -> signatures.getItems().size() == 2);
        assertThat(signatures.getItems().get(0).toString()).startsWith("✖ INVALID");
        assertThat(signatures.getItems().get(1).toString()).startsWith("✔ valid — Bob Tester (" + bob.login() + "), approved by");
        assertThat(dsl.fetchValue("select status::text from spot_audit")).isEqualTo("signed");

        // "Report this" opens the Reports screen with the spot-audit report of this audit filled in
        String code = wiring.audits().auditProperty().get().code();
        robot.clickOn("#auditReportThis");
        waitFor(() -> robot.lookup("#report-param-audit").tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false));
        assertThat(robot.lookup("#report-param-audit").queryAs(javafx.scene.control.ComboBox.class).getEditor().getText()).isEqualTo(code);
        assertThat(((dev.serialtrace.reports.ReportDefinition) robot.lookup("#report-catalogue").queryAs(ListView.class)
                .getSelectionModel().getSelectedItem()).name()).isEqualTo("spot-audit");

        robot.clickOn("#nav-exceptions");
        waitFor(() -> text(robot, "#exceptionCounts").contains("Unknown serial: 2"));
        assertThat(text(robot, "#exceptionCounts")).contains("Invalid format: 1").contains("Duplicate: 1").contains("Manual entry, unverified: 1");
    }

    private void signAs(FxRobot robot, TestPeople.TestPerson who, dev.serialtrace.db.signature.SignatureMeaning meaning) {
        ChoiceBox<dev.serialtrace.db.signature.SignatureMeaning> m = robot.lookup("#signMeaning").queryAs(ChoiceBox.class);
        robot.interact(() -> m.setValue(meaning));
        // the click puts the caret mid-text: go to the end before erasing what the last signer typed
        robot.clickOn("#signUser").type(KeyCode.END).eraseText(60).write(who.login());
        robot.clickOn("#signPassword").write(who.password());
        javafx.scene.control.TextField user = robot.lookup("#signUser").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextField password = robot.lookup("#signPassword").queryAs(javafx.scene.control.TextField.class);
        assertThat(user.getText()).isEqualTo(who.login());
        assertThat(password.getText()).isEqualTo(who.password());
        robot.clickOn("#sign");
    }

    private int storedScans() {
        return dsl.fetchCount(AUDIT_SCAN);
    }

    private static void scan(FxRobot robot, String text) {
        robot.write(text, 1).type(KeyCode.ENTER);
    }

    private static void expectKind(FxRobot robot, String kind) throws Exception {
        try {
            waitFor(() -> kind.equals(text(robot, "#classificationKind")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected " + kind + ", shown: " + text(robot, "#classificationKind") + " / "
                    + text(robot, "#classificationCapture") + " / " + text(robot, "#classificationDetail") + " / "
                    + text(robot, "#sendingState"), e);
        }
    }

    /** Refuses (or allows again) connections to the test database and kills the app's open ones. */
    private void allowConnections(boolean allow) throws Exception {
        String db = ds.getDatabaseName();
        String admin = "jdbc:postgresql://localhost:" + TestDatabase.port() + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", null); Statement s = c.createStatement()) {
            s.execute("alter database " + db + " allow_connections " + allow);
            if (!allow) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + db + "'");
            }
        }
    }

}
