package dev.serialtrace.db.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.serialtrace.db.jooq.SchemaVersion;
import dev.serialtrace.db.schema.Migrations;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * An open warehouse database: a HikariCP pool, jOOQ on top, and (by default) the embedded
 * server behind it. Opening checks the server, the credentials and the schema version, and
 * turns each failure into a {@link DatabaseException} that says what to do.
 */
public final class Database implements AutoCloseable {
    public static final int MINIMUM_SERVER_VERSION = 140000;

    private final ConnectionSettings settings;
    private final EmbeddedServer embedded;
    private final HikariDataSource pool;
    private final DSLContext dsl;
    private volatile boolean serverHandedOver;

    private Database(ConnectionSettings settings, EmbeddedServer embedded, HikariDataSource pool) {
        this.settings = settings;
        this.embedded = embedded;
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES);
    }

    public enum SchemaPolicy {
        /** Apply pending migrations (the embedded database, and `db migrate`). */
        MIGRATE,
        /** Refuse to work on a schema older or newer than this build. */
        REQUIRE_CURRENT
    }

    /** Opens the database, migrating the embedded one; external ones must already be current. */
    public static Database open(ConnectionSettings requested, DataHome home, Consumer<String> status) {
        return open(requested, home, requested.isEmbedded() ? SchemaPolicy.MIGRATE : SchemaPolicy.REQUIRE_CURRENT, status);
    }

    public static Database open(ConnectionSettings requested, DataHome home, SchemaPolicy policy, Consumer<String> status) {
        EmbeddedServer embedded = null;
        ConnectionSettings settings = requested;
        if (requested.isEmbedded()) {
            status.accept("Starting the embedded database in " + home.embeddedDataDirectory() + " …");
            embedded = EmbeddedServer.startOrAttach(home.embeddedDataDirectory());
            settings = embedded.settings();
        }
        HikariDataSource pool = null;
        try {
            status.accept("Connecting to " + settings.describe() + " …");
            try {
                checkReachableAndSupported(settings);
            } catch (DatabaseException e) {
                throw requested.isEmbedded() ? e : countedOnExternalServer(settings, e);
            }
            pool = pool(settings);
            Database db = new Database(settings, embedded, pool);
            db.checkSchema(policy, status);
            db.noteSignIn();
            return db;
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    private void checkSchema(SchemaPolicy policy, Consumer<String> status) {
        if (SchemaVersion.LATEST.equals(appliedVersion())) {
            return;   // the usual case, without starting Flyway (it costs about a second)
        }
        Migrations migrations = new Migrations(pool);
        migrations.newerThanApp().ifPresent(v -> {
            throw new DatabaseException("The database schema is version " + v + ", newer than this Serialtrace knows ("
                    + migrations.latestKnownVersion() + ").", "Update Serialtrace to a version that matches the database.");
        });
        String current = migrations.currentVersion().orElse(null);
        String latest = migrations.latestKnownVersion();
        if (latest.equals(current)) {
            return;
        }
        if (policy == SchemaPolicy.MIGRATE) {
            status.accept(current == null ? "Creating the warehouse schema …" : "Updating the schema from version " + current + " …");
            migrations.migrate();
            return;
        }
        throw new DatabaseException(current == null
                ? "The database " + settings.describe() + " has no Serialtrace schema."
                : "The database schema is version " + current + "; this Serialtrace needs version " + latest + ".",
                "Run `serialtrace db migrate` with a user that owns the schema.");
    }

    /** The newest successfully applied migration, or null when there is no Flyway history. */
    private String appliedVersion() {
        Table<?> history = DSL.table(DSL.name("flyway_schema_history"));
        Boolean exists = dsl.select(DSL.function("to_regclass", Object.class, DSL.inline("flyway_schema_history")).isNotNull())
                .fetchOne(0, Boolean.class);
        if (!Boolean.TRUE.equals(exists)) {
            return null;
        }
        Field<String> version = DSL.field(DSL.name("version"), String.class);
        return dsl.select(version).from(history)
                .where(DSL.field(DSL.name("success"), Boolean.class).isTrue()).and(version.isNotNull())
                .orderBy(DSL.field(DSL.name("installed_rank")).desc()).limit(1)
                .fetchOptional(version).orElse(null);
    }

    private static void checkReachableAndSupported(ConnectionSettings s) {
        Properties props = new Properties();
        if (s.user() != null) {
            props.setProperty("user", s.user());
        }
        if (s.password() != null) {
            props.setProperty("password", s.password());
        }
        props.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(s.url(), props)) {
            int version = c.getMetaData().getDatabaseMajorVersion() * 10000 + c.getMetaData().getDatabaseMinorVersion();
            if (version < MINIMUM_SERVER_VERSION) {
                throw new DatabaseException("The server runs PostgreSQL " + c.getMetaData().getDatabaseProductVersion()
                        + "; Serialtrace needs 14 or newer.", "Connect to a PostgreSQL 14+ server.");
            }
        } catch (SQLException e) {
            throw explain(s, e);
        }
    }

    /** Turns a connection failure into what a person needs to know. */
    static DatabaseException explain(ConnectionSettings s, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String who = s.user() == null ? "the default user" : "user \"" + s.user() + "\"";
        switch (state) {
            case "28P01":
                // A password-checking server answers the same for an unknown role, by design.
                return new DatabaseException("The server refused the password for " + who + " at " + s.url()
                        + " (wrong password, or no such user).",
                        "Check the user name and the password (--db-password, SERIALTRACE_DB_PASSWORD or db.password in the config file).", e);
            case "28000":
                return new DatabaseException("The server refused " + who + ": " + e.getMessage(),
                        "Ask the database administrator to create the role or allow it to connect.", e);
            case "ST423":
                return new DatabaseException("The account of " + who + " is locked after repeated failed sign-ins.",
                        "Wait a quarter of an hour, or ask an administrator (serialtrace users unlock).", e);
            case "3D000":
                return new DatabaseException("The database in " + s.url() + " does not exist.",
                        "Check the database name in the URL, or create the database.", e);
            default:
                break;
        }
        if (state.startsWith("08") || hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)) {
            return new DatabaseException("Cannot reach PostgreSQL at " + s.url() + " (" + e.getMessage() + ").",
                    "Check that the server is running and the host and port in the URL are right.", e);
        }
        return new DatabaseException("Cannot connect to " + s.describe() + ": " + e.getMessage(),
                "Check the connection settings.", e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static HikariDataSource pool(ConnectionSettings s) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("serialtrace");
        config.setJdbcUrl(s.url());
        config.setUsername(s.user());
        config.setPassword(s.password());
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);   // reachability was checked above, with a clearer error
        config.addDataSourceProperty("ApplicationName", "Serialtrace");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /**
     * The same server, signed in as a person (the embedded demo: opened as its owner to migrate
     * and seed, then used as a person). A wrong password is counted towards the person's lock
     * (through this owner connection) and thrown as a {@link DatabaseException}; this database
     * stays open then. On success this database's pool closes and the server belongs to the result.
     */
    public Database signInAs(String user, String password) {
        ConnectionSettings person = new ConnectionSettings(settings.url(), user, password);
        try {
            checkReachableAndSupported(person);
        } catch (DatabaseException e) {
            if (e.getCause() instanceof SQLException sql && "28P01".equals(sql.getSQLState())) {
                int left = dev.serialtrace.db.jooq.Routines.recordFailedSignIn(dsl.configuration(), user);
                throw new DatabaseException(e.getMessage() + (left == 0 ? " The account is now locked for a while."
                        : " " + left + (left == 1 ? " attempt" : " attempts") + " left before the account is locked."),
                        e.hint(), e);
            }
            throw e;
        }
        HikariDataSource personal = pool(person);
        Database db = new Database(person, embedded, personal);
        try {
            db.noteSignIn();
        } catch (RuntimeException e) {
            personal.close();
            throw e;
        }
        serverHandedOver = true;
        pool.close();
        return db;
    }

    /** The sign-in recorder's password when the clients were given none (V71: it is not a secret). */
    public static final String SIGN_IN_RECORDER_PASSWORD = "serialtrace-sign-in-recorder";
    public static final String SIGN_IN_RECORDER = "serialtrace_sign_in_recorder";

    /**
     * A wrong password on an external server never becomes a session, so the failure is counted
     * through the sign-in recorder role (V71), if the server's admin enabled it; the lock itself is
     * enforced at login (PostgreSQL 17) and by {@link #noteSignIn}.
     */
    private static DatabaseException countedOnExternalServer(ConnectionSettings s, DatabaseException e) {
        if (s.user() == null || !(e.getCause() instanceof SQLException sql) || !"28P01".equals(sql.getSQLState())) {
            return e;
        }
        Properties props = new Properties();
        props.setProperty("user", SIGN_IN_RECORDER);
        String password = System.getenv("SERIALTRACE_SIGN_IN_RECORDER_PASSWORD");
        props.setProperty("password", password == null || password.isBlank() ? SIGN_IN_RECORDER_PASSWORD : password);
        props.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(s.url(), props)) {
            int left = dev.serialtrace.db.jooq.Routines.recordFailedSignIn(DSL.using(c, SQLDialect.POSTGRES).configuration(), s.user());
            return new DatabaseException(e.getMessage() + (left == 0 ? " The account is now locked for a while."
                    : " " + left + (left == 1 ? " attempt" : " attempts") + " left before the account is locked."), e.hint(), e);
        } catch (SQLException | RuntimeException notCounted) {
            return new DatabaseException(e.getMessage(), e.hint() + " (This server does not count failed sign-ins:"
                    + " an admin can turn that on with `serialtrace users sign-in-recorder on`.)", e);
        }
    }

    /** A person's sign-in: refused while locked (also enforced at login on PostgreSQL 17), else clears failures. */
    private void noteSignIn() {
        if (!dsl.fetchExists(dev.serialtrace.db.jooq.Tables.PERSON, dev.serialtrace.db.jooq.Tables.PERSON.LOGIN.eq(DSL.field("session_user", String.class)))) {
            return;   // the owner, or a role that is not a person
        }
        try {
            dev.serialtrace.db.jooq.Routines.refuseLockedPerson(dsl.configuration());
            dev.serialtrace.db.jooq.Routines.recordSuccessfulSignIn(dsl.configuration());
        } catch (org.jooq.exception.DataAccessException e) {
            throw new DatabaseException("The account \"" + settings.user() + "\" is locked after repeated failed sign-ins.",
                    "Wait a quarter of an hour, or ask an administrator (serialtrace users unlock).", e);
        }
    }

    /** The database role this connection works as (the person signed in). */
    public String sessionUser() {
        return dsl.select(DSL.field("session_user", String.class)).fetchOne(0, String.class);
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Where we are connected (the embedded server's real URL when embedded). */
    public ConnectionSettings settings() {
        return settings;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The embedded server behind this database, if that is what we connected to. */
    public Optional<EmbeddedServer> embeddedServer() {
        return Optional.ofNullable(embedded);
    }

    public Migrations migrations() {
        return new Migrations(pool);
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null && !serverHandedOver) {
            embedded.close();
        }
    }
}
