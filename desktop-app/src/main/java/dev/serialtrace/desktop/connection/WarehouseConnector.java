package dev.serialtrace.desktop.connection;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.demo.DemoDataGenerator;
import dev.serialtrace.db.status.DatabaseStatus;
import dev.serialtrace.db.status.DatabaseStatusQuery;
import dev.serialtrace.desktop.common.BackgroundTask;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Opens the warehouse database for the app. On first run of the embedded demo database it
 * also seeds the demo warehouse, so a new user sees real-looking data at once.
 */
public final class WarehouseConnector {
    static final long FIRST_RUN_DEMO_UNITS = 20_000;
    static final long FIRST_RUN_DEMO_SEED = 1;

    private final DataHome home;
    private final Clock clock;

    public WarehouseConnector(DataHome home, Clock clock) {
        this.home = home;
        this.clock = clock;
    }

    /** An open database and what it holds. The caller owns (and closes) the database. */
    public record Connection(Database database, DatabaseStatus status) {
    }

    /** Runs in the background. */
    public Connection connect(ConnectionSettings settings, BackgroundTask.Progress progress) {
        Database db = Database.open(settings, home, message -> progress.update(message, -1));
        try {
            DatabaseStatusQuery statusQuery = new DatabaseStatusQuery(db);
            DatabaseStatus status = statusQuery.fetch();
            if (db.isEmbedded() && status.units() == 0) {
                seedDemoWarehouse(db, progress);
                status = statusQuery.fetch();
            }
            return new Connection(db, status);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private void seedDemoWarehouse(Database db, BackgroundTask.Progress progress) {
        progress.update("First run: creating the demo warehouse …", 0);
        new DemoDataGenerator(db.dataSource()).generate(
                new DemoDataGenerator.Options(FIRST_RUN_DEMO_UNITS, FIRST_RUN_DEMO_SEED, LocalDate.now(clock).minusDays(1)),   // a whole day of history, none of it in the future
                (phase, done, total) -> progress.update("First run: " + phase, total > 0 ? (double) done / total : -1));
    }
}
