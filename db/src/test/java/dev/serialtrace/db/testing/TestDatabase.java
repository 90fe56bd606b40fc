package dev.serialtrace.db.testing;

import dev.serialtrace.db.schema.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, a migrated template database,
 * and a fresh copy of it per caller ({@link #fresh()}) so tests never see each other's rows.
 */
public final class TestDatabase {

    private static final String TEMPLATE = "serialtrace_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** A new, migrated, empty database. */
    public static synchronized DataSource fresh() {
        EmbeddedPostgres pg = server();
        String name = "t" + COUNTER.incrementAndGet();
        execute(pg.getPostgresDatabase(), "create database " + name + " template " + TEMPLATE);
        return dataSource(pg, name);
    }

    /** The server's port, for tests that drive the command line against it. */
    public static synchronized int port() {
        return server().getPort();
    }

    public static PGSimpleDataSource dataSource(EmbeddedPostgres pg, String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://localhost:" + pg.getPort() + "/" + database);
        ds.setUser("postgres");
        return ds;
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .setDataDirectoryCustomizer(dir -> writePasswordRules(dir.toPath()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL for tests", e);
            }
            execute(server.getPostgresDatabase(), "create database " + TEMPLATE);
            new Migrations(dataSource(server, TEMPLATE)).migrate();
        }
        return server;
    }

    /**
     * The owner ("postgres", as the tests connect) is trusted on localhost; every other role must
     * give its password (scram), as on a real warehouse server, so sign-in and signatures are tested.
     */
    private static void writePasswordRules(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PASSWORD_RULES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final String PASSWORD_RULES = """
            local all postgres trust
            local all all scram-sha-256
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
