package dev.serialtrace.db.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionSettingsTest {
    @TempDir Path dir;

    @Test
    void optionsBeatVariablesWhichBeatTheConfigFile() throws Exception {
        Path config = dir.resolve("config.properties");
        Files.writeString(config, "db.url=jdbc:postgresql://file/db\ndb.user=fileuser\ndb.password=filepw\n");
        Map<String, String> env = Map.of("SERIALTRACE_DB_URL", "jdbc:postgresql://env/db", "SERIALTRACE_DB_USER", "envuser");

        ConnectionSettings s = ConnectionSettings.resolve(
                new ConnectionSettings.Overrides("jdbc:postgresql://cli/db", null, null), env, config);

        assertThat(s.url()).isEqualTo("jdbc:postgresql://cli/db");
        assertThat(s.user()).isEqualTo("envuser");
        assertThat(s.password()).isEqualTo("filepw");
        assertThat(s.isEmbedded()).isFalse();
        assertThat(s.toString()).doesNotContain("filepw");
    }

    @Test
    void nothingConfiguredMeansTheEmbeddedDatabase() {
        ConnectionSettings s = ConnectionSettings.resolve(ConnectionSettings.Overrides.NONE, Map.of(), dir.resolve("none"));
        assertThat(s.isEmbedded()).isTrue();
    }

    @Test
    void anUnreadableConfigFileIsReportedWithWhatToDo() throws Exception {
        Path bad = dir.resolve("bad.properties");
        Files.write(bad, new byte[] {'d', 'b', '.', 'u', 'r', 'l', '=', '\\', 'u', 'Z', 'Z'});
        assertThatThrownBy(() -> ConnectionSettings.resolve(ConnectionSettings.Overrides.NONE, Map.of(), bad))
                .isInstanceOf(DatabaseException.class)
                .satisfies(e -> assertThat(((DatabaseException) e).hint()).contains("db.url"));
    }
}
