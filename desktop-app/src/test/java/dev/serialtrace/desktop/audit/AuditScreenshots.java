package dev.serialtrace.desktop.audit;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.demo.DemoDataGenerator;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.DesktopWiring;
import dev.serialtrace.desktop.connection.PasswordVault;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Not a test: renders the audit screens over a small demo warehouse to PNGs for docs/screenshots.
 * {@code ./mvnw -pl desktop-app -am verify -Dtest=AuditScreenshots -Dscreenshots.dir=$PWD/docs/screenshots}
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class AuditScreenshots {
    private static PGSimpleDataSource ds;
    private static DSLContext dsl;
    private DesktopWiring wiring;
    private Stage stage;

    @BeforeAll
    static void demoWarehouse() {
        ds = (PGSimpleDataSource) TestDatabase.fresh();
        dsl = DSL.using(ds, SQLDialect.POSTGRES);
        new DemoDataGenerator(ds).generate(new DemoDataGenerator.Options(20_000, 1, LocalDate.now()), (p, d, t) -> { });
        dsl.execute("analyze");
        System.setProperty("serialtrace.scanner.max-key-gap-ms", "1500");
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        wiring = new DesktopWiring(new ConnectionSettings(ds.getURL(), "postgres", null),
                new DataHome(Files.createTempDirectory("st-shots")), PasswordVault.none(), Clock.systemUTC(), ZoneId.of("Europe/Amsterdam"));
        stage.setScene(wiring.scene());
        stage.show();
        wiring.connect();
    }

    @Test
    void screens(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir"));
        waitFor(() -> wiring.searchReady().get());
        // the fullest bay of the first site's general zone
        String bay = dsl.fetchValue("select b.path from location b join location s on s.parent_id = b.id "
                + "join unit u on u.location_id = s.id where b.kind = 'bay' group by b.path order by count(*) desc limit 1").toString();
        robot.clickOn("#nav-audits");
        robot.clickOn("#auditRoot").write(bay.substring(0, bay.lastIndexOf('/')));
        robot.clickOn("#auditLoad");
        TableView<?> locations = robot.lookup("#auditLocations").queryAs(TableView.class);
        waitFor(() -> !locations.getItems().isEmpty());
        shot(dir.resolve("audit-planning.png"));

        robot.clickOn("#auditRoot").eraseText(80).write(bay);
        robot.clickOn("#auditLoad");
        waitFor(() -> locations.getItems().stream().allMatch(l -> l.toString().contains(bay)));
        robot.clickOn("#auditStart");
        waitFor(() -> wiring.audits().pipeline() != null);
        long auditId = wiring.audits().auditProperty().get().auditId();
        String first = (String) dsl.fetchValue("select u.serial from audit_expected e join unit u on u.id = e.unit_id "
                + "where e.audit_id = " + auditId + " and e.location_id = (select min(location_id) from audit_expected where audit_id = "
                + auditId + ") order by u.id limit 1");
        String second = (String) dsl.fetchValue("select u.serial from audit_expected e join unit u on u.id = e.unit_id "
                + "where e.audit_id = " + auditId + " and e.location_id = (select min(location_id) from audit_expected where audit_id = "
                + auditId + ") order by u.id offset 1 limit 1");
        String elsewhere = (String) dsl.fetchValue("select serial from unit where location_id is not null and id not in "
                + "(select unit_id from audit_expected where audit_id = " + auditId + ") and status = 'sellable_accessible' order by id limit 1");
        String shipped = (String) dsl.fetchValue("select serial from unit where status = 'retail_sold' order by id limit 1");
        long shelf = ((Number) dsl.fetchValue("select min(location_id) from audit_expected where audit_id = " + auditId)).longValue();
        robot.interact(() -> wiring.audits().currentLocationProperty().set(wiring.audits().scopeLocations().stream()
                .filter(l -> l.id() == shelf).findFirst().orElseThrow()));
        robot.clickOn("#auditScanField");
        scan(robot, first);
        scan(robot, second);
        scan(robot, elsewhere);
        scan(robot, shipped);
        scan(robot, first);
        scan(robot, "]C1123");
        scan(robot, second.substring(0, second.length() - 1) + (second.endsWith("7") ? "1" : "7"));
        waitFor(() -> "Unknown".equals(((Label) robot.lookup("#classificationKind").query()).getText()));
        Thread.sleep(800);
        shot(dir.resolve("audit-scanning.png"));

        robot.clickOn("#auditClose");
        waitFor(() -> robot.lookup("#closeConfirm").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitFor(() -> !((Label) robot.lookup("#closeSummary").query()).getText().isEmpty());
        TableView<dev.serialtrace.db.audit.Discrepancy> d = robot.lookup("#discrepancies").queryAs(TableView.class);
        robot.interact(() -> {
            d.getSelectionModel().select(d.getItems().stream().filter(x -> x.kind().equals("wrong_location")).findFirst().orElse(d.getItems().get(0)));
            robot.lookup("#resolution").queryAs(ChoiceBox.class).setValue(dev.serialtrace.db.audit.Resolution.MOVE_RECORD);
        });
        robot.clickOn("#resolutionReason").write("found on the audited shelf; record moved");
        robot.clickOn("#resolve");
        waitFor(() -> d.getItems().stream().anyMatch(dev.serialtrace.db.audit.Discrepancy::resolved));
        Thread.sleep(500);
        shot(dir.resolve("audit-closing.png"));

        robot.clickOn("#nav-exceptions");
        waitFor(() -> !((Label) robot.lookup("#exceptionCounts").query()).getText().isEmpty());
        TableView<?> rows = robot.lookup("#exceptionRows").queryAs(TableView.class);
        waitFor(() -> !rows.getItems().isEmpty());
        robot.interact(() -> rows.getSelectionModel().select(0));
        Thread.sleep(800);
        shot(dir.resolve("exception-queue.png"));
    }

    private static void scan(FxRobot robot, String text) throws Exception {
        robot.write(text, 1).type(KeyCode.ENTER);
        Thread.sleep(300);
    }

    private void shot(Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
