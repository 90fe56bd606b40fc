package dev.serialtrace.db.connect;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The connection profiles kept in the data home ({@code profiles.properties}): name, URL and
 * user of each, and which was used last. The embedded demo database is always the first.
 * Passwords are never written here.
 */
public final class ConnectionProfiles {
    private final Path file;

    public ConnectionProfiles(DataHome home) {
        this.file = home.root().resolve("profiles.properties");
    }

    public List<ConnectionProfile> all() {
        Properties p = read();
        List<ConnectionProfile> profiles = new ArrayList<>(List.of(ConnectionProfile.DEMO));
        for (int i = 0; p.containsKey("profile." + i + ".name"); i++) {
            profiles.add(new ConnectionProfile(p.getProperty("profile." + i + ".name"),
                    p.getProperty("profile." + i + ".url"), p.getProperty("profile." + i + ".user")));
        }
        return profiles;
    }

    public ConnectionProfile lastUsed() {
        String last = read().getProperty("last");
        return all().stream().filter(p -> p.name().equals(last)).findFirst().orElse(ConnectionProfile.DEMO);
    }

    /** Adds or replaces (by name) the profile and marks it as last used. */
    public void saveAndUse(ConnectionProfile profile) {
        List<ConnectionProfile> saved = all();
        List<ConnectionProfile> profiles = new ArrayList<>(saved.subList(1, saved.size()));   // the demo is implied
        profiles.removeIf(p -> p.name().equals(profile.name()));
        if (!profile.isEmbedded()) {
            profiles.add(profile);
        }
        Properties p = new Properties();
        for (int i = 0; i < profiles.size(); i++) {
            ConnectionProfile c = profiles.get(i);
            p.setProperty("profile." + i + ".name", c.name());
            p.setProperty("profile." + i + ".url", c.url());
            if (c.user() != null) {
                p.setProperty("profile." + i + ".user", c.user());
            }
        }
        p.setProperty("last", profile.name());
        write(p);
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new DatabaseException("Cannot read the connection profiles in " + file + ": " + e.getMessage(),
                        "Fix or delete the file; the demo profile is always available.", e);
            }
        }
        return p;
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a file. */
    private void write(Properties p) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "profiles", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                p.store(w, "Serialtrace connection profiles (no passwords)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }
}
