package dev.serialtrace.desktop.dashboard;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.kpi.DrillRow;
import dev.serialtrace.db.kpi.KpiFixture;
import dev.serialtrace.db.kpi.SiteOption;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.DesktopWiring;
import dev.serialtrace.desktop.FlowTests;
import dev.serialtrace.desktop.shell.Section;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.serialtrace.desktop.FlowTests.openWindow;
import static dev.serialtrace.desktop.FlowTests.text;
import static dev.serialtrace.desktop.FlowTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard in the real window on the hand-built KPI warehouse: filters, tiles, drill-down into the dossier. */
@ExtendWith(ApplicationExtension.class)
class DashboardFlowTest {
    /** "Last 12 months" then covers the fixture's March and April 2026. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-30T12:00:00Z"), ZoneOffset.UTC);
    private DesktopWiring wiring;
    private PGSimpleDataSource ds;

    @Start
    void start(Stage stage) throws Exception {
        ds = (PGSimpleDataSource) TestDatabase.fresh();
        new KpiFixture(ds);
        wiring = openWindow(stage, new ConnectionSettings(ds.getURL(), "postgres", null), CLOCK);
    }

    @AfterEach
    void close() throws Exception {
        FlowTests.close(wiring);
    }

    @Test
    void tilesFollowTheSiteAndPeriodFilters(FxRobot robot) throws Exception {
        robot.clickOn("#nav-dashboard");
        waitFor(() -> "80.0 %".equals(text(robot, "#value-CAPTURE_AT_RECEIVING")));
        assertThat(text(robot, "#counts-CAPTURE_AT_RECEIVING")).isEqualTo("4 / 5 units received");
        assertThat(text(robot, "#value-SCAN_RATIO")).isEqualTo("87.5 %");
        assertThat(text(robot, "#lastComputed")).startsWith("Computed");

        @SuppressWarnings("unchecked") ComboBox<Object> site = robot.lookup("#siteChoice").queryAs(ComboBox.class);
        waitFor(() -> site.getItems().size() == 3);
        robot.interact(() -> site.setValue(site.getItems().stream()
                .filter(o -> o instanceof SiteOption s && s.code().equals("S2")).findFirst().orElseThrow()));
        waitFor(() -> "100 %".equals(text(robot, "#value-CAPTURE_AT_RECEIVING")));
        assertThat(text(robot, "#counts-CAPTURE_AT_RECEIVING")).isEqualTo("1 / 1 units received");

        // a custom period without data: the tiles say so instead of showing stale numbers
        robot.interact(() -> site.setValue("All sites"));
        waitFor(() -> "80.0 %".equals(text(robot, "#value-CAPTURE_AT_RECEIVING")));
        DatePicker from = robot.lookup("#fromDate").queryAs(DatePicker.class);
        DatePicker to = robot.lookup("#toDate").queryAs(DatePicker.class);
        robot.interact(() -> {
            from.setValue(LocalDate.of(2026, 2, 1));
            to.setValue(LocalDate.of(2026, 2, 28));
        });
        waitFor(() -> "—".equals(text(robot, "#value-CAPTURE_AT_RECEIVING")));
        assertThat(wiring.dashboard().periodProperty().get()).isEqualTo(Period.CUSTOM);
    }

    @Test
    void aTileListsTheSerialsBehindItAndOpensTheirDossier(FxRobot robot) throws Exception {
        robot.clickOn("#nav-dashboard");
        waitFor(() -> "87.5 %".equals(text(robot, "#value-SCAN_RATIO")));
        robot.clickOn("#tile-SCAN_RATIO");
        @SuppressWarnings("unchecked") TableView<DrillRow> drill = robot.lookup("#drillTable").queryAs(TableView.class);
        waitFor(() -> drill.getItems().size() == 1 && "LT0003".equals(drill.getItems().get(0).serial()));
        assertThat(text(robot, "#drillTitle")).startsWith("Scan vs manual").endsWith("1 serials");

        robot.clickOn("#tile-CLAIM_TIME");
        waitFor(() -> drill.getItems().size() == 3);
        assertThat(drill.getItems()).extracting(DrillRow::reference).containsExactly("WC-4", "WC-1", "WC-2");

        robot.doubleClickOn(cell(robot, "#drillTable", "LT0001"));
        waitFor(() -> "LT0001".equals(text(robot, "#identity-serial")));
        assertThat(wiring.shell().sectionProperty().get()).isEqualTo(Section.SEARCH);
    }

    @Test
    void signalsAndReturnsAnalysisAreListedWithEvidence(FxRobot robot) throws Exception {
        robot.clickOn("#nav-dashboard");
        waitFor(() -> !wiring.dashboard().signals().isEmpty());
        robot.clickOn("Fraud and leakage signals");
        assertThat(text(robot, "#signalsTitle")).startsWith("4 signals");
        robot.clickOn("Returns analysis");
        TableView<?> returns = robot.lookup("#returnsTable").queryAs(TableView.class);
        waitFor(() -> returns.getItems().size() == 2);
        assertThat(wiring.dashboard().returnsCsv()).contains("lot,LT-14 lot LA,2,2,1.0");
    }

    @Test
    void aBarOfTheClaimTimeHistogramListsItsClaimsAndOpensTheDossier(FxRobot robot) throws Exception {
        robot.clickOn("#nav-dashboard");
        waitFor(() -> !wiring.dashboard().claimTimes().isEmpty());
        robot.clickOn("Operations");
        waitFor(() -> robot.lookup("#claimbar-2").tryQuery().isPresent());
        robot.clickOn("#claimbar-2");   // 2–3 days: WC-1, decided after 2 days
        @SuppressWarnings("unchecked") TableView<DrillRow> drill = robot.lookup("#opsDrillTable").queryAs(TableView.class);
        waitFor(() -> drill.getItems().size() == 1 && "WC-1".equals(drill.getItems().get(0).reference()));
        assertThat(text(robot, "#opsDrillTitle")).startsWith("Claims decided in 2–3 d").endsWith("1 serials");

        robot.clickOn("#mixbar-D1-early-manual");   // the typed segment of dock D1, early shift: its typed capture
        waitFor(() -> drill.getItems().size() == 1 && "LT0003".equals(drill.getItems().get(0).serial()));
        robot.doubleClickOn(cell(robot, "#opsDrillTable", "LT0003"));
        waitFor(() -> "LT0003".equals(text(robot, "#identity-serial")));
        assertThat(wiring.shell().sectionProperty().get()).isEqualTo(Section.SEARCH);
    }

    @Test
    void aScannedOrImportedSegmentOfTheCaptureMixListsTheEventsOfThatMethod(FxRobot robot) throws Exception {
        robot.clickOn("#nav-dashboard");
        waitFor(() -> !wiring.dashboard().captureMix().isEmpty());
        robot.clickOn("Operations");
        waitFor(() -> robot.lookup("#mixbar-D1-early-scan").tryQuery().isPresent());
        @SuppressWarnings("unchecked") TableView<DrillRow> drill = robot.lookup("#opsDrillTable").queryAs(TableView.class);

        robot.clickOn("#mixbar-D1-early-scan");   // dock D1, early shift: L1 and L2 were scanned in
        waitFor(() -> drill.getItems().size() == 2);
        assertThat(drill.getItems()).extracting(DrillRow::serial).containsExactlyInAnyOrder("LT0001", "LT0002");
        assertThat(methodsOf(drill.getItems())).containsOnly("scan");
        assertThat(text(robot, "#opsDrillTitle")).startsWith("Scanned captures at D1").endsWith("2 serials");

        robot.clickOn("#mixbar-D1-early-import");   // L4 taken from the ASN
        waitFor(() -> drill.getItems().size() == 1 && "LT0009".equals(drill.getItems().get(0).serial()));
        assertThat(methodsOf(drill.getItems())).containsOnly("import");

        robot.clickOn("#mixbar-A1-early-scan");   // shelf A1, early shift: three put-away scans
        waitFor(() -> drill.getItems().size() == 3);
        assertThat(methodsOf(drill.getItems())).containsOnly("scan");
        robot.doubleClickOn(cell(robot, "#opsDrillTable", "LT0002"));
        waitFor(() -> "LT0002".equals(text(robot, "#identity-serial")));
        assertThat(wiring.shell().sectionProperty().get()).isEqualTo(Section.SEARCH);
    }

    @Test
    void aZoneBarOfTheaftAndLossListsTheUnitsLostThere(FxRobot robot) throws Exception {
        robot.clickOn("#nav-dashboard");
        waitFor(() -> !wiring.dashboard().lossZones().isEmpty());
        robot.clickOn("Operations");
        waitFor(() -> robot.lookup("#losszone-S1-A1").tryQuery().isPresent());
        robot.clickOn("#losszone-S1-A1");   // L3 marked lost on shelf A1 of S1
        @SuppressWarnings("unchecked") TableView<DrillRow> drill = robot.lookup("#opsDrillTable").queryAs(TableView.class);
        waitFor(() -> drill.getItems().size() == 1 && "LT0003".equals(drill.getItems().get(0).serial()));
        assertThat(text(robot, "#opsDrillTitle")).startsWith("Theft and loss in S1/A1");
    }

    /** The capture method of each listed event, read from the history itself. */
    private java.util.List<String> methodsOf(java.util.List<DrillRow> rows) {
        var dsl = org.jooq.impl.DSL.using(ds, org.jooq.SQLDialect.POSTGRES);
        return rows.stream().map(r -> dsl.select(dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT.CAPTURE_METHOD)
                .from(dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT)
                .where(dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT.ID.eq(r.eventId()))
                .fetchOne().value1().getLiteral()).toList();
    }

    /** A cell of one table: both drill-down tables (KPIs and Operations tabs) list the same rows. */
    private static javafx.scene.Node cell(FxRobot robot, String table, String text) {
        return robot.from(robot.lookup(table).queryAs(TableView.class))
                .lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c && text.equals(c.getText()))
                .query();
    }
}
