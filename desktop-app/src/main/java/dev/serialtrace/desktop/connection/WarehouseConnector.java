package dev.serialtrace.desktop.connection;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.demo.DemoDataGenerator;
import dev.serialtrace.db.demo.DemoPeople;
import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.access.Person;
import dev.serialtrace.db.access.Users;
import dev.serialtrace.db.status.DatabaseStatus;
import dev.serialtrace.db.status.DatabaseStatusQuery;
import dev.serialtrace.desktop.common.BackgroundTask;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static dev.serialtrace.db.jooq.Tables.UNIT;
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

    /** An open database. The caller owns (and closes) it. */
    public record Connection(Database database, Person person) {
        public Connection(Database database) {
            this(database, null);
        }

        /** The person signed in, if the database role is one (the owner is not). */
        public java.util.Optional<Person> signedIn() {
            return java.util.Optional.ofNullable(person);
        }
    }

    /** What the database holds, for the summary; counting can take a second on a large database. */
    public DatabaseStatus status(Database db) {
        return new DatabaseStatusQuery(db).fetchSummary();
    }

    /** Runs in the background. */
    public Connection connect(ConnectionSettings settings, BackgroundTask.Progress progress) {
        return connect(settings, null, progress);
    }

    /** As {@link #connect(ConnectionSettings, BackgroundTask.Progress)}, taking over an opening already under way. */
    public Connection connect(ConnectionSettings settings, CompletableFuture<Database> opening, BackgroundTask.Progress progress) {
        Database db = opening != null ? await(opening, progress) : Database.open(settings, home, m -> progress.update(m, -1));
        try {
            if (db.isEmbedded() && !db.dsl().fetchExists(UNIT)) {
                seedDemoWarehouse(db, progress);
            }
            if (db.isEmbedded() && settings.user() != null && !settings.user().equals(db.settings().user())) {
                // the demo database: opened as its owner to migrate and seed, used as a demo person
                DemoPeople.ensure(db.dataSource());
                progress.update("Signing in as " + settings.user() + " …", -1);
                db = db.signInAs(settings.user(), settings.password());
            }
            return new Connection(db, new Users(db.dsl()).find(db.sessionUser()).orElse(null));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static Database await(CompletableFuture<Database> opening, BackgroundTask.Progress progress) {
        progress.update("Opening the database …", -1);
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void seedDemoWarehouse(Database db, BackgroundTask.Progress progress) {
        progress.update("First run: creating the demo warehouse …", 0);
        new DemoDataGenerator(db.dataSource()).generate(
                new DemoDataGenerator.Options(FIRST_RUN_DEMO_UNITS, FIRST_RUN_DEMO_SEED, LocalDate.now(clock).minusDays(1)),   // a whole day of history, none of it in the future
                (phase, done, total) -> progress.update("First run: " + phase, total > 0 ? (double) done / total : -1));
        new ChainVerifier(db.dsl()).anchor();   // the demo's history starts anchored
    }
}
