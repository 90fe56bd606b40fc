package dev.serialtrace.cli;

import dev.serialtrace.db.archive.ArchiveState;
import dev.serialtrace.db.archive.DataLifecycle;
import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.connect.EmbeddedServer;
import dev.serialtrace.db.status.DatabaseStatus;
import dev.serialtrace.db.status.DatabaseStatusQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

@Command(name = "db", description = "Database: migrate the schema, show what is there, serve the embedded one.",
        mixinStandardHelpOptions = true,
        subcommands = {DbCommand.Migrate.class, DbCommand.Info.class, DbCommand.Serve.class})
final class DbCommand {

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create or update the warehouse schema (needs a user that owns the schema).")
    static final class Migrate implements Runnable {
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = connection.open(Database.SchemaPolicy.MIGRATE, spec.commandLine().getErr())) {
                out.println("schema is at version " + db.migrations().currentVersion().orElse("none")
                        + " on " + db.settings().describe());
            }
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Server, schema version and row counts of the main tables.")
    static final class Info implements Runnable {
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            DatabaseStatus status;
            ArchiveState archive;
            try (Database db = connection.open(spec.commandLine().getErr())) {
                status = new DatabaseStatusQuery(db).fetch();
                archive = new DataLifecycle(db.dsl()).state();   // issue 8: where history lives
            }
            if (json) {
                Map<String, Object> m = toMap(status);
                m.put("archive", archive.summary());
                m.put("retention", archive.rules().stream().map(r -> r.regulation() + ": " + r.describeAge()).toList());
                out.println(Json.write(m));
            } else {
                out.printf("database        %s%n", status.url());
                out.printf("user            %s%s%n", status.user(), status.embedded() ? " (embedded)" : "");
                out.printf("server          PostgreSQL %s%n", status.serverVersion());
                out.printf("schema version  %s%n", status.schemaVersion());
                out.printf("size            %,d MB%n", status.databaseBytes() / (1024 * 1024));
                out.printf("newest event    %s%n", status.newestEvent() == null ? "none" : status.newestEvent());
                status.rowCounts().forEach((table, n) -> out.printf("  %-22s %,14d%n", table, n));
                out.printf("archive         %s%n", archive.summary());
                out.printf("retention       %s%n", String.join("; ", archive.rules().stream()
                        .map(r -> r.regulation() + " " + r.describeAge()).toList()));
            }
        }

        private static Map<String, Object> toMap(DatabaseStatus s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", s.url());
            m.put("user", s.user());
            m.put("embedded", s.embedded());
            m.put("serverVersion", s.serverVersion());
            m.put("schemaVersion", s.schemaVersion());
            m.put("databaseBytes", s.databaseBytes());
            m.put("newestEvent", s.newestEvent() == null ? null : s.newestEvent().toString());
            m.put("rowCounts", s.rowCounts());
            return m;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the embedded database in the foreground and print how to connect, until Ctrl-C.")
    static final class Serve implements Runnable {
        @Spec CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            DataHome home = DataHome.fromEnvironment();
            try (Database db = Database.open(ConnectionSettings.EMBEDDED, home,
                    msg -> spec.commandLine().getErr().println(msg))) {
                String url = db.settings().url();
                EmbeddedServer server = db.embeddedServer().orElseThrow();
                int port = server.port();
                out.println("Embedded PostgreSQL is serving " + home.embeddedDataDirectory());
                out.println("  JDBC URL: " + url + "  (user " + EmbeddedServer.USER + ", no password)");
                out.println("  psql:     psql -h localhost -p " + port + " -U " + EmbeddedServer.USER + " " + EmbeddedServer.DATABASE);
                if (!server.isOwned()) {
                    out.println("  (it was already running in another Serialtrace process; that process keeps it running)");
                    out.flush();
                    return;
                }
                out.println("Press Ctrl-C to stop.");
                out.flush();
                awaitInterrupt();
            }
        }

        private static void awaitInterrupt() {
            CountDownLatch forever = new CountDownLatch(1);
            try {
                forever.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
