package dev.serialtrace.db.connect;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataHomeTest {
    @Test
    void followsEachOperatingSystemsConvention() {
        assertThat(DataHome.resolve(Map.of(), "Linux", "/home/ann").root())
                .isEqualTo(Path.of("/home/ann/.local/share/serialtrace"));
        assertThat(DataHome.resolve(Map.of("XDG_DATA_HOME", "/data"), "Linux", "/home/ann").root())
                .isEqualTo(Path.of("/data/serialtrace"));
        assertThat(DataHome.resolve(Map.of(), "Mac OS X", "/Users/ann").root())
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/Serialtrace"));
        assertThat(DataHome.resolve(Map.of("LOCALAPPDATA", "C:/Users/ann/AppData/Local"), "Windows 11", "C:/Users/ann").root())
                .isEqualTo(Path.of("C:/Users/ann/AppData/Local", "Serialtrace"));
    }

    @Test
    void serialtraceHomeOverridesEverything() {
        DataHome home = DataHome.resolve(Map.of("SERIALTRACE_HOME", "/tmp/x", "XDG_DATA_HOME", "/data"), "Linux", "/home/ann");
        assertThat(home.root()).isEqualTo(Path.of("/tmp/x"));
        assertThat(home.embeddedDataDirectory()).isEqualTo(Path.of("/tmp/x/pgdata"));
        assertThat(home.configFile()).isEqualTo(Path.of("/tmp/x/config.properties"));
    }
}
