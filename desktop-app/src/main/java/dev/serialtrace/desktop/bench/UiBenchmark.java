package dev.serialtrace.desktop.bench;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.custody.CustodyCommands;
import dev.serialtrace.db.custody.NewCustodyEvent;
import dev.serialtrace.db.jooq.Routines;
import dev.serialtrace.db.unit.UnitSampler;
import dev.serialtrace.db.unit.UnitSummary;
import dev.serialtrace.desktop.DesktopWiring;
import dev.serialtrace.desktop.connection.PasswordVault;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.serialtrace.db.jooq.Tables.UNIT;

/**
 * {@code ./serialtrace bench ui [--samples N]}: the real window on the configured database
 * (run the app once first so the embedded database exists). Measures cold start to a usable
 * search field, scan → dossier fully laid out for sampled units, first paint of a 1,000-event
 * timeline, and resident memory.
 */
public final class UiBenchmark extends Application {
    private static final String LONG_HISTORY_SERIAL = "BENCH-1000-EVENTS";
    private static int samples = 200;
    private static volatile double lastDataMillis;

    /** Plain launcher: a main class extending Application fails with JavaFX on the class path. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals("--samples")) {
                    samples = Integer.parseInt(args[i + 1]);
                }
            }
            Application.launch(UiBenchmark.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        DataHome home = DataHome.fromEnvironment();
        ConnectionSettings settings = ConnectionSettings.resolve(ConnectionSettings.Overrides.NONE, System.getenv(),
                home.configFile());
        DesktopWiring wiring = new DesktopWiring(settings.isEmbedded() ? null : settings, home, PasswordVault.none(),
                Clock.systemDefaultZone(), ZoneId.systemDefault());
        stage.setScene(wiring.scene());
        stage.show();
        wiring.searchReady().addListener((o, a, ready) -> {
            if (ready) {
                long coldStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                Thread driver = new Thread(() -> run(wiring, settings, home, coldStart), "bench-driver");
                driver.setDaemon(true);
                driver.start();
            }
        });
        wiring.connect();
    }

    private static void run(DesktopWiring wiring, ConnectionSettings settings, DataHome home, long coldStartMillis) {
        try (Database db = Database.open(settings, home, m -> { })) {
            List<UnitSummary> units = UnitSampler.sample(db.dsl(), samples, 42);
            String longHistory = ensureLongHistoryUnit(db);
            for (int i = 0; i < Math.min(20, units.size()); i++) {   // warm-up
                time(wiring, units.get(i).internalId());
            }
            List<Double> scanToDossier = new ArrayList<>();
            List<Double> dataOnly = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                UnitSummary u = units.get(i);
                scanToDossier.add(time(wiring, i % 2 == 0 ? u.internalId() : u.serial()));
                dataOnly.add(lastDataMillis);
            }
            List<Double> longTimeline = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                time(wiring, units.get(i % units.size()).internalId());   // go elsewhere, then back
                longTimeline.add(time(wiring, longHistory));
            }
            System.gc();
            long unitCount = db.dsl().fetchCount(UNIT);
            System.out.printf("database units               %,d%n", unitCount);
            System.out.printf("cold start → search field    %d ms%n", coldStartMillis);
            report("scan → dossier rendered", scanToDossier);
            report("  of which lookup + queries", dataOnly);
            report("1,000-event timeline paint", longTimeline);
            System.out.printf("resident memory (VmRSS)      %s%n", rss());
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }

    /** From the scan to the first layout pulse after the dossier of that unit is shown. */
    private static double time(DesktopWiring wiring, String capture) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        long[] t = new long[2];
        Platform.runLater(() -> {
            var scene = wiring.scene();
            javafx.beans.value.ChangeListener<Object>[] listener = new javafx.beans.value.ChangeListener[1];
            listener[0] = (o, a, d) -> {
                lastDataMillis = (System.nanoTime() - t[0]) / 1e6;
                wiring.dossier().dossierProperty().removeListener(listener[0]);
                Runnable[] pulse = new Runnable[1];
                pulse[0] = () -> {
                    scene.removePostLayoutPulseListener(pulse[0]);
                    t[1] = System.nanoTime();
                    done.countDown();
                };
                scene.addPostLayoutPulseListener(pulse[0]);
            };
            wiring.dossier().dossierProperty().addListener(listener[0]);
            t[0] = System.nanoTime();
            wiring.searchFor(capture);
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no dossier for " + capture);
        }
        return (t[1] - t[0]) / 1e6;
    }

    /** A unit with 1,000 custody events, made once through the normal write path. */
    private static String ensureLongHistoryUnit(Database db) {
        var existing = db.dsl().select(UNIT.INTERNAL_ID).from(UNIT).where(UNIT.SERIAL_NORM.eq(Routines.normalizeSerial(LONG_HISTORY_SERIAL))).fetchOne();
        if (existing != null) {
            return existing.value1();
        }
        var template = db.dsl().selectFrom(UNIT).where(UNIT.LOCATION_ID.isNotNull()).limit(1).fetchOne();
        long id = db.dsl().select(org.jooq.impl.DSL.max(UNIT.ID)).from(UNIT).fetchOne().value1() + 1;
        String internal = dev.serialtrace.core.unit.InternalUnitId.format(id);
        db.dsl().insertInto(UNIT, UNIT.ID, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID, UNIT.SERIAL, UNIT.GTIN)
                .values(id, internal, template.getProductId(), template.getManufacturerId(), LONG_HISTORY_SERIAL, template.getGtin())
                .execute();
        CustodyCommands commands = new CustodyCommands(db.dsl());
        OffsetDateTime t = OffsetDateTime.now().minusDays(1000);
        long shelf = template.getLocationId();
        commands.record(event(id, t, BizStep.receiving, Disposition.in_progress, shelf));
        for (int i = 1; i < 1000; i++) {
            commands.record(event(id, t.plusDays(i), BizStep.cycle_counting, Disposition.sellable_accessible, shelf));
        }
        return internal;
    }

    private static NewCustodyEvent event(long unit, OffsetDateTime at, BizStep step, Disposition d, long shelf) {
        return new NewCustodyEvent(unit, at, "UTC", step, d, shelf, shelf, null, null, null, List.of(),
                new NewCustodyEvent.Capture(NewCustodyEvent.Capture.Method.scan, null, null, "bench"), null);
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%-28s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (n=%d)%n", what,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .map(l -> l.replaceAll("VmRSS:\\s*", "")).findFirst().orElse("n/a");
        } catch (Exception e) {
            return "n/a";
        }
    }
}
