package dev.serialtrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialtrace.db.schema.Migrations;
import dev.serialtrace.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class DbInfoCommandTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SerialtraceCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void dbInfoJsonReportsServerSchemaAndCounts() throws Exception {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        Run r = run("db", "info", "--json", "--db-url", ds.getURL(), "--db-user", "postgres");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("serverVersion").asText()).startsWith("17.");
        assertThat(json.get("schemaVersion").asText()).isEqualTo(new Migrations(ds).latestKnownVersion());
        assertThat(json.get("embedded").asBoolean()).isFalse();
        assertThat(json.get("rowCounts").get("unit").asLong()).isZero();
        assertThat(json.get("rowCounts").has("custody_event")).isTrue();
    }

    @Test
    void anUnreachableDatabaseGivesASentenceAndAHintNotAStackTrace() {
        Run r = run("db", "info", "--db-url", "jdbc:postgresql://localhost:1/none");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("error: Cannot reach PostgreSQL").contains("what to do:").doesNotContain("\tat ");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{"--help"}, {"db", "--help"}, {"db", "migrate", "--help"},
                {"db", "info", "--help"}, {"db", "serve", "--help"}, {"demo-data", "--help"}}) {
            Run r = run(cmd);
            assertThat(r.exitCode()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).as(String.join(" ", cmd)).contains("Usage:");
        }
    }

    @Test
    void migrateReportsTheSchemaVersion() {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        Run r = run("db", "migrate", "--db-url", ds.getURL(), "--db-user", "postgres");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("schema is at version " + new Migrations(ds).latestKnownVersion());
    }
}
