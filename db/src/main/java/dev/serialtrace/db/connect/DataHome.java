package dev.serialtrace.db.connect;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folder holding Serialtrace's configuration, embedded database and logs.
 * {@code SERIALTRACE_HOME} overrides the OS convention (tests and scripts rely on that).
 */
public record DataHome(Path root) {

    public static DataHome fromEnvironment() {
        return resolve(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    static DataHome resolve(Map<String, String> env, String osName, String userHome) {
        String override = env.get("SERIALTRACE_HOME");
        if (override != null && !override.isBlank()) {
            return new DataHome(Path.of(override).toAbsolutePath());
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.getOrDefault("LOCALAPPDATA", userHome + "\\AppData\\Local");
            return new DataHome(Path.of(local, "Serialtrace"));
        }
        if (os.startsWith("mac")) {
            return new DataHome(Path.of(userHome, "Library", "Application Support", "Serialtrace"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return new DataHome(base.resolve("serialtrace"));
    }

    public Path configFile() {
        return root.resolve("config.properties");
    }

    public Path embeddedDataDirectory() {
        return root.resolve("pgdata");
    }

    public Path logDirectory() {
        return root.resolve("logs");
    }
}
