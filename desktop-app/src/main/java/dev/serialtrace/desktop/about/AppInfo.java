package dev.serialtrace.desktop.about;

import dev.serialtrace.db.connect.DataHome;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * What the build stamped into the app's jar manifest (version, vendor, licence) and where this
 * person's data lives. Run from classes (tests, IDE) it says "development build".
 */
public record AppInfo(String version, String vendor, String licence, Path dataFolder, Path logFolder) {
    static final String DEVELOPMENT = "development build";

    public static AppInfo of(Class<?> fromJar, DataHome home) {
        Attributes manifest = manifestOf(fromJar);
        return new AppInfo(
                value(manifest, "Implementation-Version", DEVELOPMENT),
                value(manifest, "Implementation-Vendor", "Serialtrace"),
                value(manifest, "Serialtrace-Licence", "see the licence file of the installation"),
                home.root(), home.logDirectory());
    }

    private static Attributes manifestOf(Class<?> c) {
        try {
            Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return new Attributes();
            }
            try (JarFile f = new JarFile(jar.toFile())) {
                return f.getManifest() == null ? new Attributes() : f.getManifest().getMainAttributes();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return new Attributes();
        }
    }

    private static String value(Attributes a, String name, String otherwise) {
        String v = a.getValue(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
