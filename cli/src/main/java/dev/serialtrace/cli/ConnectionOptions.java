package dev.serialtrace.cli;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.connect.Database;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** --db-url/--db-user/--db-password, over SERIALTRACE_DB_* variables, over the config file. */
final class ConnectionOptions {
    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "PostgreSQL 14+ JDBC URL (default: the embedded demo database)")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "database user")
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
        return Database.open(settings, home(), policy, msg -> {
            status.println(msg);
            status.flush();
        });
    }

    Database open(PrintWriter status) {
        ConnectionSettings settings = settings();
        return open(settings.isEmbedded() ? Database.SchemaPolicy.MIGRATE : Database.SchemaPolicy.REQUIRE_CURRENT, status);
    }
}
