package dev.serialtrace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DesktopHandOffTest {
    @TempDir Path bin;

    @Test
    void anInstalledCommandLineFindsTheDesktopLauncherBesideIt() throws Exception {
        Path cli = Files.createFile(bin.resolve("serialtrace"));
        Path desktop = Files.createFile(bin.resolve("Serialtrace"));
        assertThat(desktop.toFile().setExecutable(true)).isTrue();

        assertThat(DesktopHandOff.desktopLauncher(cli.toString(), "Linux")).contains(desktop.toAbsolutePath());
    }

    @Test
    void withoutTheInstallersLauncherThereIsNothingToHandOffTo() throws Exception {
        Path cli = Files.createFile(bin.resolve("serialtrace-cli.exe"));

        assertThat(DesktopHandOff.desktopLauncher(null, "Linux")).isEmpty();   // run from jars (./serialtrace, tests)
        assertThat(DesktopHandOff.desktopLauncher(cli.toString(), "Windows 11")).isEmpty();   // no Serialtrace.exe beside it
    }
}
