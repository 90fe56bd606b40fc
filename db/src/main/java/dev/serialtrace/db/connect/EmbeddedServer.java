package dev.serialtrace.db.connect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The embedded PostgreSQL 17 kept under the data home. If another Serialtrace process already
 * runs it (the app, or {@code serialtrace db serve}), this one attaches to it instead of failing.
 */
public final class EmbeddedServer implements AutoCloseable {
    public static final String DATABASE = "serialtrace";
    public static final String USER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres owned;
    private final int port;

    private EmbeddedServer(EmbeddedPostgres owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    public static EmbeddedServer startOrAttach(Path dataDirectory) {
        Integer running = runningPort(dataDirectory);
        if (running != null) {
            LOG.info("attaching to the embedded PostgreSQL already running on port {}", running);
            return new EmbeddedServer(null, running);
        }
        try {
            Files.createDirectories(dataDirectory.getParent());
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)   // stops the server on exit, Ctrl-C included
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky tunes for throw-away test databases (-F, async commit); this one keeps data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .start();
            EmbeddedServer server = new EmbeddedServer(pg, pg.getPort());
            server.requirePasswordsOfPeople(dataDirectory);
            server.ensureDatabase();
            return server;
        } catch (IOException | RuntimeException e) {
            throw new DatabaseException("The embedded database in " + dataDirectory + " could not start: " + rootMessage(e),
                    "If another program holds that folder, close it. Otherwise move the folder aside to start afresh,"
                            + " or set SERIALTRACE_HOME to use another folder.", e);
        }
    }

    public int port() {
        return port;
    }

    /** True when this process started the server (and stops it on close). */
    public boolean isOwned() {
        return owned != null;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public ConnectionSettings settings() {
        return new ConnectionSettings(jdbcUrl(), USER, null);
    }

    /**
     * The owner ({@value #USER}) stays trusted on this machine, as before; every other role — the
     * demo people — must give its password (scram), so signing in and signatures mean something.
     * Written at each start (older data folders trusted everyone) and reloaded without a restart.
     */
    private void requirePasswordsOfPeople(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PASSWORD_RULES);
        } catch (IOException e) {
            throw new DatabaseException("Cannot write the embedded database's access rules: " + e.getMessage(),
                    "Check that the data folder is writable.", e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", USER, null);
             Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new DatabaseException("The embedded server did not reload its access rules: " + e.getMessage(),
                    "Move the data folder aside to start afresh.", e);
        }
    }

    static final String PASSWORD_RULES = """
            # written by Serialtrace at each start: the owner is trusted locally, people give passwords
            local all postgres trust
            local all all scram-sha-256
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private void ensureDatabase() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", USER, null);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new DatabaseException("The embedded server started but the database could not be created: " + e.getMessage(),
                    "Move the data folder aside to start afresh.", e);
        }
    }

    /** The port of a live postmaster for this data folder, read from its postmaster.pid. */
    private static Integer runningPort(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (alive && accepts(port)) {
                return port;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("stale or unreadable {}: {}", pidFile, e.toString());
        }
        return null;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
