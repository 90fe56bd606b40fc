package dev.serialtrace.db.connect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server that checks passwords (scram-sha-256), as a real warehouse database does. */
class WrongPasswordTest {
    private static EmbeddedPostgres server;
    @TempDir Path home;

    @BeforeAll
    static void serverWithPasswords() throws Exception {
        server = EmbeddedPostgres.builder()
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectoryCustomizer(dir -> {
                    try {
                        Files.writeString(dir.toPath().resolve("pg_hba.conf"),
                                "local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n"
                                        + "host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role ann login password 'right-one'");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private String url() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    @Test
    void aWrongPasswordIsSaidAsSuchWithWhatToDo() {
        assertThatThrownBy(() -> Database.open(new ConnectionSettings(url(), "ann", "wrong"), new DataHome(home), m -> { }))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("The server refused the password for user \"ann\" at " + url() + " (wrong password, or no such user).")
                .satisfies(e -> assertThat(((DatabaseException) e).hint()).contains("--db-password"));
    }

    @Test
    void theRightPasswordGetsAsFarAsTheSchemaCheck() {
        // the database has no Serialtrace schema: the error is about that, not about the password
        assertThatThrownBy(() -> Database.open(new ConnectionSettings(url(), "ann", "right-one"), new DataHome(home), m -> { }))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("has no Serialtrace schema");
    }
}
