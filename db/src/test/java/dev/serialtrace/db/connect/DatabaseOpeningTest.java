package dev.serialtrace.db.connect;

import dev.serialtrace.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening an external database: each way it can go wrong says what to do. */
class DatabaseOpeningTest {
    @TempDir Path home;

    @Test
    void opensACurrentDatabase() {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        try (Database db = Database.open(new ConnectionSettings(ds.getURL(), "postgres", null), new DataHome(home), m -> { })) {
            assertThat(db.isEmbedded()).isFalse();
            assertThat(db.migrations().currentVersion()).contains(db.migrations().latestKnownVersion());
        }
    }

    @Test
    void aSchemaNewerThanTheAppIsRefused() throws Exception {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) values (99, '999', 'from the future', 'SQL',"
                    + " 'V999__from_the_future.sql', 0, 'postgres', 0, true)");
        }
        assertThatThrownBy(() -> Database.open(new ConnectionSettings(ds.getURL(), "postgres", null), new DataHome(home), m -> { }))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("version 999, newer than this Serialtrace knows")
                .satisfies(e -> assertThat(((DatabaseException) e).hint()).contains("Update Serialtrace"));
    }

    @Test
    void aDatabaseWithoutTheSchemaIsNotMigratedBehindTheOwnersBack() throws Exception {
        PGSimpleDataSource template = (PGSimpleDataSource) TestDatabase.fresh();
        try (Connection c = template.getConnection(); Statement s = c.createStatement()) {
            s.execute("create database empty_warehouse");
        }
        String url = template.getURL().replaceAll("/[^/]+$", "/empty_warehouse");
        assertThatThrownBy(() -> Database.open(new ConnectionSettings(url, "postgres", null), new DataHome(home), m -> { }))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("has no Serialtrace schema")
                .satisfies(e -> assertThat(((DatabaseException) e).hint()).contains("serialtrace db migrate"));
    }

    @Test
    void anUnreachableServerIsSaidPlainly() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> Database.open(new ConnectionSettings("jdbc:postgresql://localhost:" + closedPort + "/x", "u", "p"),
                new DataHome(home), m -> { }))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("Cannot reach PostgreSQL")
                .satisfies(e -> assertThat(((DatabaseException) e).hint()).contains("server is running"));
    }

    @Test
    void anUnknownRoleOnAPasswordCheckingServerIsSaidPlainly() {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        assertThatThrownBy(() -> Database.open(new ConnectionSettings(ds.getURL(), "nobody", "pw"), new DataHome(home), m -> { }))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("refused the password for user \"nobody\"")
                .hasMessageContaining("no such user");
    }
}
