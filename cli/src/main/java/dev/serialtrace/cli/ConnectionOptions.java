package dev.serialtrace.cli;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.connect.DatabaseException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** --db-url/--db-user/--db-password, over SERIALTRACE_DB_* variables, over the config file. */
final class ConnectionOptions {
    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "PostgreSQL 14+ JDBC URL (default: the embedded demo database)")
    String url;

    @Option(names = "--db-user", paramLabel = "USER",
            description = "database user (on the embedded demo: a person to sign in as, after it is opened and migrated)")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "database password",
            arity = "0..1", interactive = true)
    String password;

    DataHome home() {
        return DataHome.fromEnvironment();
    }

    ConnectionSettings settings() {
        DataHome home = home();
        return ConnectionSettings.resolve(new ConnectionSettings.Overrides(url, user, password), System.getenv(),
                home.configFile());
    }

    Database open(Database.SchemaPolicy policy, PrintWriter status) {
        ConnectionSettings settings = settings();
        Consumer<String> say = msg -> {
            status.println(msg);
            status.flush();
        };
        Database db = Database.open(settings, home(), policy, say);
        if (!settings.isEmbedded() || settings.user() == null || settings.user().equals(db.settings().user())) {
            return db;
        }
        // The embedded demo opens as its owner (to migrate it); the person the command names then
        // signs in as themselves, as in the desktop app. Without this the user was silently ignored.
        try {
            if (settings.password() == null) {
                throw new DatabaseException("Signing in as " + settings.user() + " needs their password.",
                        "Add --db-password (asked for when given without a value), or set SERIALTRACE_DB_PASSWORD.");
            }
            say.accept("Signing in as " + settings.user() + " …");
            return db.signInAs(settings.user(), settings.password());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    Database open(PrintWriter status) {
        ConnectionSettings settings = settings();
        return open(settings.isEmbedded() ? Database.SchemaPolicy.MIGRATE : Database.SchemaPolicy.REQUIRE_CURRENT, status);
    }
}
