package dev.serialtrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * In an installed Serialtrace, {@code serialtrace} without a command opens the desktop app, as
 * {@code ./serialtrace} does in the source tree. The installer's launchers set
 * {@code jpackage.app-path}; the desktop launcher {@code Serialtrace} sits beside this one.
 */
final class DesktopHandOff {
    private DesktopHandOff() {
    }

    /** The desktop launcher beside the command-line launcher at {@code appPath}, if there is one. */
    static Optional<Path> desktopLauncher(String appPath, String osName) {
        if (appPath == null || appPath.isBlank()) {
            return Optional.empty();
        }
        boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
        Path desktop = Path.of(appPath).toAbsolutePath().resolveSibling(windows ? "Serialtrace.exe" : "Serialtrace");
        return Files.isExecutable(desktop) && !desktop.equals(Path.of(appPath).toAbsolutePath())
                ? Optional.of(desktop) : Optional.empty();
    }

    /** Starts the desktop app on its own (the terminal is free again; it logs to the data folder). */
    static boolean start() {
        Optional<Path> desktop = desktopLauncher(System.getProperty("jpackage.app-path"), System.getProperty("os.name"));
        if (desktop.isEmpty()) {
            return false;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(desktop.get().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // jpackage's Linux launcher marks its own re-start with _JPACKAGE_LAUNCHER; inherited, it makes
            // the desktop launcher skip its configuration and fail
            pb.environment().keySet().removeIf(k -> k.startsWith("_JPACKAGE"));
            pb.start();
            return true;
        } catch (IOException e) {
            System.err.println("Could not start the desktop app " + desktop.get() + ": " + e.getMessage());
            return false;
        }
    }
}
