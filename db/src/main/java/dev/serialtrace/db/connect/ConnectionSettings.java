package dev.serialtrace.db.connect;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where to connect. No URL means the embedded demo database. Each value is taken from the
 * command-line option, else the {@code SERIALTRACE_DB_*} variable, else the config file.
 */
public record ConnectionSettings(String url, String user, String password) {

    public static final ConnectionSettings EMBEDDED = new ConnectionSettings(null, null, null);

    /** Values given on the command line; any may be null. */
    public record Overrides(String url, String user, String password) {
        public static final Overrides NONE = new Overrides(null, null, null);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** For display: never shows the password. */
    public String describe() {
        return isEmbedded() ? "embedded demo database" : (user == null ? "" : user + " @ ") + url;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + describe() + "]";
    }

    public static ConnectionSettings resolve(Overrides cli, Map<String, String> env, Path configFile) {
        Properties file = load(configFile);
        Function<String[], String> pick = keys -> first(
                keys[0], env.get(keys[1]), file.getProperty(keys[2]));
        String url = pick.apply(new String[] {cli.url(), "SERIALTRACE_DB_URL", "db.url"});
        String user = pick.apply(new String[] {cli.user(), "SERIALTRACE_DB_USER", "db.user"});
        String password = pick.apply(new String[] {cli.password(), "SERIALTRACE_DB_PASSWORD", "db.password"});
        return new ConnectionSettings(url, user, password);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static Properties load(Path configFile) {
        Properties p = new Properties();
        if (configFile != null && Files.isRegularFile(configFile)) {
            try (Reader r = Files.newBufferedReader(configFile)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {   // a malformed unicode escape
                throw new DatabaseException("Cannot read the configuration file " + configFile + ": " + e.getMessage(),
                        "Fix or remove the file; the keys are db.url, db.user and db.password.", e);
            }
        }
        return p;
    }

}
