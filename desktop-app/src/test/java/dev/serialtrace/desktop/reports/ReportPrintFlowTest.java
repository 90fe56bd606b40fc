package dev.serialtrace.desktop.reports;

import dev.serialtrace.db.jooq.enums.BizStep;
import dev.serialtrace.db.jooq.enums.CaptureMethod;
import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.UnitFixture;
import dev.serialtrace.desktop.common.FxTaskExecutor;
import dev.serialtrace.reports.ReportPrinter;
import dev.serialtrace.reports.definitions.ReportCatalogue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.print.PrintService;
import java.awt.print.PrinterJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Print action of the report screen in a real window, on a real database: the dialog and the printing run in
 * the background with progress per page, and a computer without a printer (or a printer that fails) gets a clear
 * message while the generated report stays on screen. The "printer" is a PostScript print service.
 */
@ExtendWith(ApplicationExtension.class)
class ReportPrintFlowTest {
    private FxTaskExecutor tasks;
    private ReportsViewModel vm;
    private volatile Printers printers;
    private final List<String> statuses = new CopyOnWriteArrayList<>();
    /** This test's screen: lookups stay inside it (other test classes may leave windows with the same ids open). */
    private static Parent root;

    @Start
    void start(Stage stage) throws Exception {
        DSLContext dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        UnitFixture data = new UnitFixture(dsl);
        long unit = data.unit(data.tv, "SN-PRINT", null);
        var insert = dsl.insertInto(CUSTODY_EVENT, CUSTODY_EVENT.UNIT_ID, CUSTODY_EVENT.OCCURRED_AT, CUSTODY_EVENT.OCCURRED_ZONE,
                CUSTODY_EVENT.BIZ_STEP, CUSTODY_EVENT.DISPOSITION, CUSTODY_EVENT.CAPTURE_METHOD, CUSTODY_EVENT.RECORDED_AT);
        for (int i = 0; i < 120; i++) {   // one line per event: three pages
            OffsetDateTime at = OffsetDateTime.parse("2026-01-01T10:00:00Z").plusHours(i);
            // recorded in the past: a report as of now covers what was recorded up to the start of this second
            // (its as-of is whole seconds), so events recorded a moment before the click would be left out
            insert = insert.values(unit, at, "UTC", i == 0 ? BizStep.receiving : BizStep.storing, Disposition.in_progress,
                    CaptureMethod.scan, at.plusMinutes(5));
        }
        insert.execute();
        DatabaseReportEngine engine = new DatabaseReportEngine(dsl, Clock.systemUTC()).printers(new Printers() {
            @Override
            public List<PrintService> available() {
                return printers.available();
            }

            @Override
            public PrinterJob choose(List<PrintService> available) throws java.awt.print.PrinterException {
                return printers.choose(available);
            }
        });
        tasks = new FxTaskExecutor();
        vm = new ReportsViewModel(ReportCatalogue.standard(), () -> engine, tasks, () -> "tester", ZoneId.of("UTC"));
        FXMLLoader loader = new FXMLLoader(ReportsController.class.getResource("Reports.fxml"));
        loader.setControllerFactory(c -> new ReportsController(vm, () -> engine, tasks));
        root = loader.load();
        vm.statusProperty().addListener((o, a, text) -> statuses.add(text));
        stage.setScene(new Scene(root, 1300, 800));
        stage.show();
        vm.prepare("chain-of-custody", Map.of("units", data.internalId(unit)));
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    private int generate(FxRobot robot) throws Exception {
        robot.clickOn(node(robot, "#report-generate"));
        waitFor(() -> text(robot, "#report-page").matches("Page 1 of \\d+"));
        // the preview shows the first page while the rest are still being filled: count when done
        waitFor(() -> !vm.runningProperty().get());
        int pages = vm.filledProperty().get().pages();
        assertThat(pages).isGreaterThanOrEqualTo(3);
        return pages;
    }

    @Test
    void withoutAPrinterTheScreenSaysSoAndKeepsTheReport(FxRobot robot) throws Exception {
        printers = printers(List.of(), null);
        int pages = generate(robot);
        robot.clickOn(node(robot, "#report-print"));
        waitFor(() -> text(robot, "#report-error").startsWith("No printer is set up on this computer."));
        assertThat(text(robot, "#report-error")).contains("export the report as PDF");
        assertThat(text(robot, "#report-page")).isEqualTo("Page 1 of " + pages);
        assertThat(vm.filledProperty().get()).isNotNull();
        assertThat(((Button) node(robot, "#report-print")).isDisabled()).isFalse();
        assertThat(((ProgressBar) node(robot, ".progress-bar")).isVisible()).isFalse();
    }

    @Test
    void printingRunsInTheBackgroundWithProgressAndEveryPageArrives(FxRobot robot) throws Exception {
        ByteArrayOutputStream postScript = new ByteArrayOutputStream();
        CountDownLatch dialogOpen = new CountDownLatch(1);
        CountDownLatch personChose = new CountDownLatch(1);
        PrintService printer = ReportPrinter.postScript(postScript);
        printers = printers(List.of(printer), () -> {
            dialogOpen.countDown();
            await(personChose);   // the dialog is open: the person has not chosen yet
        });
        int pages = generate(robot);
        robot.clickOn(node(robot, "#report-print"));
        assertThat(dialogOpen.await(20, TimeUnit.SECONDS)).isTrue();
        // while the dialog is open the window still answers, shows what is happening and refuses a second job
        assertThat(WaitForAsyncUtils.asyncFx(() -> text(robot, "#report-status")).get(2, TimeUnit.SECONDS))
                .isEqualTo("Choosing a printer…");
        assertThat(((Button) node(robot, "#report-print")).isDisabled()).isTrue();
        assertThat(((Button) node(robot, "#report-cancel")).isDisabled()).isFalse();
        personChose.countDown();

        waitFor(() -> text(robot, "#report-status").startsWith("Sent " + pages + " pages to the printer"));
        assertThat(statuses).anyMatch(s -> s.matches("Printing page \\d+ of " + pages + "…"));
        assertThat(text(robot, "#report-error")).isEmpty();
        String ps = postScript.toString(StandardCharsets.ISO_8859_1);
        assertThat(Pattern.compile("(?m)^%%Page: \\d+ \\d+$").matcher(ps).results().count()).isEqualTo(pages);
    }

    @Test
    void aPrinterThatFailsIsReportedAndTheReportStays(FxRobot robot) throws Exception {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("printer offline");
            }
        };
        printers = printers(List.of(ReportPrinter.postScript(broken)), null);
        int pages = generate(robot);
        robot.clickOn(node(robot, "#report-print"));
        waitFor(() -> text(robot, "#report-error").startsWith("Could not print:"));
        assertThat(text(robot, "#report-error")).contains("The report is still here");
        assertThat(text(robot, "#report-page")).isEqualTo("Page 1 of " + pages);
        assertThat(((Button) node(robot, "#report-print")).isDisabled()).isFalse();
    }

    /** Printers that offer {@code available} and whose dialog picks the first one (after {@code whileOpen}). */
    private static Printers printers(List<PrintService> available, Runnable whileOpen) {
        return new Printers() {
            @Override
            public List<PrintService> available() {
                return available;
            }

            @Override
            public PrinterJob choose(List<PrintService> offered) throws java.awt.print.PrinterException {
                if (whileOpen != null) {
                    whileOpen.run();
                }
                PrinterJob job = PrinterJob.getPrinterJob();
                job.setPrintService(offered.get(0));
                return job;
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static javafx.scene.Node node(FxRobot robot, String query) {
        return robot.from(root).lookup(query).query();
    }

    private static String text(FxRobot robot, String query) {
        return robot.from(root).lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
