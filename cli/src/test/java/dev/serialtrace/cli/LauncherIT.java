package dev.serialtrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialtrace.db.schema.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root launcher script end to end, on the packaged jars: a fresh SERIALTRACE_HOME gets an
 * embedded database with the schema, kept between runs.
 */
class LauncherIT {
    @TempDir Path home;

    private record Run(int exitCode, String out, String err) {
    }

    private String run(String... args) throws Exception {
        Run r = launch(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out();
    }

    private Run launch(String... args) throws Exception {
        return launchWith(null, args);
    }

    private Run launchWith(String javaOptions, String... args) throws Exception {
        Path launcher = Path.of("..", "serialtrace").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of(launcher.toString())));
        pb.command().addAll(List.of(args));
        pb.environment().put("SERIALTRACE_HOME", home.toString());
        pb.environment().remove("SERIALTRACE_DB_URL");
        pb.environment().remove("SERIALTRACE_DB_USER");
        pb.environment().remove("SERIALTRACE_DB_PASSWORD");
        if (javaOptions != null) {
            pb.environment().put("SERIALTRACE_JAVA_OPTS", javaOptions);
        } else {
            pb.environment().remove("SERIALTRACE_JAVA_OPTS");
        }
        Path err = home.resolve("stderr.txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    @Test
    void dbInfoRunsOnTheEmbeddedDatabaseAndKeepsItsData() throws Exception {
        JsonNode first = new ObjectMapper().readTree(run("db", "info", "--json"));
        assertThat(first.get("embedded").asBoolean()).isTrue();
        assertThat(first.get("serverVersion").asText()).startsWith("17.");
        String latest = new Migrations(dev.serialtrace.db.testing.TestDatabase.fresh()).latestKnownVersion();
        assertThat(first.get("schemaVersion").asText()).isEqualTo(latest);
        assertThat(Files.isDirectory(home.resolve("pgdata"))).isTrue();

        JsonNode second = new ObjectMapper().readTree(run("db", "info", "--json"));
        assertThat(second.get("schemaVersion").asText()).isEqualTo(latest);
        assertThat(Files.exists(home.resolve("pgdata").resolve("postmaster.pid")))
                .as("the embedded server stops with the command").isFalse();
    }

    @Test
    void aPersonNamedOnTheCommandLineSignsInToTheEmbeddedDatabaseAsThemselves() throws Exception {
        run("users", "add", "sid", "--name", "Sid Supervisor", "--role", "supervisor", "--password=sid-demo1");

        JsonNode asSid = new ObjectMapper().readTree(run("db", "info", "--json", "--db-user", "sid", "--db-password=sid-demo1"));
        assertThat(asSid.get("user").asText()).isEqualTo("sid");
        assertThat(asSid.get("embedded").asBoolean()).isTrue();

        Run wrong = launch("db", "info", "--db-user", "sid", "--db-password=not-sids");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("refused the password for user \"sid\"").contains("attempts left")
                .doesNotContain("\tat ");
        Run none = launch("db", "info", "--db-user", "sid");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("Signing in as sid needs their password").contains("--db-password");
        assertThat(none.out()).isEmpty();
    }

    @Test
    void anImportOfADocumentUpTo64MbStartsAJvmThatCompilesWithC1Only() throws Exception {
        Path small = Files.writeString(home.resolve("small.jsonld"), "{}");
        Path large = home.resolve("large.jsonld");
        try (var f = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            f.setLength((64L << 20) + 1); // sparse: the launcher reads only its size
        }
        assertThat(tieredStopAtLevel("epcis", "import", small.toString(), "--help")).isEqualTo("1");
        assertThat(tieredStopAtLevel("epcis", "import", "--partner", "Acme", large.toString(), "--help")).isEqualTo("4");
        assertThat(tieredStopAtLevel("epcis", "export", "--help")).isEqualTo("4");
    }

    @Test
    void theEpcisBenchTimesAnImportInANewJvmStartedByTheLauncher() throws Exception {
        String out = run("bench", "epcis", "--skip-export", "--events", "40", "--import-in-new-jvm");

        // the counts are the child's report (its --json), so it ran and imported into the bench's database
        assertThat(out).containsPattern("import +40 events .*\\(40 imported, 0 already there, 0 failed; .*a new JVM, whole command");
    }

    /** The JVM's TieredStopAtLevel for a command, as the launcher starts it. */
    private String tieredStopAtLevel(String... command) throws Exception {
        Run r = launchWith("-XX:+PrintFlagsFinal", command);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().lines().filter(l -> l.matches("\\s*intx TieredStopAtLevel\\s+=.*")).findFirst().orElseThrow()
                .replaceAll(".*=\\s*(\\d+).*", "$1");
    }

    @Test
    void versionAndHelpWork() throws Exception {
        assertThat(run("--version")).contains("serialtrace");
        assertThat(run("--help")).contains("demo-data").contains("db");
    }
}
