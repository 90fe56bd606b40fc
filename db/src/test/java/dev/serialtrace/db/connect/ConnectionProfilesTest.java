package dev.serialtrace.db.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionProfilesTest {
    @TempDir Path dir;

    @Test
    void theDemoIsAlwaysThereAndTheDefault() {
        ConnectionProfiles profiles = new ConnectionProfiles(new DataHome(dir));
        assertThat(profiles.all()).containsExactly(ConnectionProfile.DEMO);
        assertThat(profiles.lastUsed()).isEqualTo(ConnectionProfile.DEMO);
    }

    @Test
    void savedProfilesComeBackWithoutPasswords() throws Exception {
        ConnectionProfiles profiles = new ConnectionProfiles(new DataHome(dir));
        ConnectionProfile dallas = new ConnectionProfile("Dallas", "jdbc:postgresql://db.dallas:5432/wh", "ann");
        profiles.saveAndUse(dallas);
        profiles.saveAndUse(new ConnectionProfile("Dallas", "jdbc:postgresql://db2.dallas:5432/wh", "ann"));

        ConnectionProfiles reread = new ConnectionProfiles(new DataHome(dir));
        assertThat(reread.all()).hasSize(2);
        assertThat(reread.lastUsed().url()).isEqualTo("jdbc:postgresql://db2.dallas:5432/wh");
        java.util.Properties stored = new java.util.Properties();
        stored.load(Files.newBufferedReader(dir.resolve("profiles.properties")));
        assertThat(stored.stringPropertyNames()).noneMatch(k -> k.toLowerCase().contains("password"));
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedWithAnExample() {
        assertThatThrownBy(() -> new ConnectionProfile("x", "mysql://h/db", "u"))
                .hasMessageContaining("jdbc:postgresql://");
    }
}
