package dev.serialtrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.UnitFixture;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.Statement;

import static dev.serialtrace.cli.DbInfoCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

class IntegrityCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private PGSimpleDataSource ds;
    private String internalId;
    private long unit;

    @BeforeEach
    void unitWithHistory() {
        ds = (PGSimpleDataSource) TestDatabase.fresh();
        DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
        UnitFixture data = new UnitFixture(dsl);
        unit = data.unit(data.tv, "TV-8K-2025-X4M9", null);
        internalId = data.internalId(unit);
        dsl.execute("insert into party (id, kind, name) values (900, 'own', 'Us')");
        dsl.execute("insert into site (id, code, name, party_id, time_zone) values (900, 'S9', 'S9', 900, 'UTC')");
        dsl.execute("insert into location (id, site_id, kind, code, path) values (900, 900, 'shelf', 'A', 'S9/A')");
        for (int day = 1; day <= 3; day++) {
            dsl.execute("insert into custody_event (unit_id, occurred_at, occurred_zone, biz_step, disposition, to_location_id, "
                    + "capture_method) values (?, ?::timestamptz, 'UTC', 'storing', 'sellable_accessible', 900, 'scan')",
                    unit, "2026-01-0" + day + " 10:00Z");
        }
    }

    private DbInfoCommandTest.Run as(String user, String password, String... args) {
        String[] extra = password == null ? new String[] {"--db-url", ds.getURL(), "--db-user", user}
                : new String[] {"--db-url", ds.getURL(), "--db-user", user, "--db-password=" + password};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return run(all);
    }

    @Test
    void verifySaysIntactThenFindsARowAlteredAroundTheTriggers() throws Exception {
        var ok = as("postgres", null, "verify", "--unit", internalId);
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("intact", "3 events");

        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute("update custody_event set disposition = 'stolen' where unit_id = " + unit
                    + " and occurred_at = '2026-01-02 10:00Z'");
        }
        var broken = as("postgres", null, "verify", "--all", "--json");
        assertThat(broken.exitCode()).isEqualTo(VerifyCommand.BREAKS_FOUND);
        JsonNode j = JSON.readTree(broken.out());
        assertThat(j.get("intact").asBoolean()).isFalse();
        assertThat(j.get("breaks")).hasSize(1);
        assertThat(j.get("breaks").get(0).get("kind").asText()).isEqualTo("altered");
        assertThat(j.get("breaks").get(0).get("internalId").asText()).isEqualTo(internalId);
        assertThat(j.get("breaks").get(0).get("chainSeq").asInt()).isEqualTo(2);
        assertThat(j.get("newestAnchor").get("digest").asText()).hasSize(64);
    }

    @Test
    void anAdminManagesPeopleAndOthersAreRefused() throws Exception {
        var added = as("postgres", null, "users", "add", "cli_ann", "--name", "Ann Admin", "--role", "admin",
                "--password=ann-secret-1");
        assertThat(added.exitCode()).as(added.err()).isZero();
        var vic = as("cli_ann", "ann-secret-1", "users", "add", "cli_vic", "--name", "Vic Viewer", "--role", "viewer",
                "--password=vic-secret-1");
        assertThat(vic.exitCode()).as(vic.err()).isZero();
        assertThat(as("cli_ann", "ann-secret-1", "users", "grant", "cli_vic", "quality").exitCode()).isZero();
        assertThat(as("cli_ann", "ann-secret-1", "users", "revoke", "cli_vic", "viewer").exitCode()).isZero();

        var list = as("cli_ann", "ann-secret-1", "users", "list", "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode people = JSON.readTree(list.out());
        assertThat(people.findValuesAsText("user")).contains("cli_ann", "cli_vic");
        for (JsonNode p : people) {
            if (p.get("user").asText().equals("cli_vic")) {
                assertThat(p.get("roles").toString()).isEqualTo("[\"quality\"]");
                assertThat(p.get("printedName").asText()).isEqualTo("Vic Viewer");
            }
        }

        var refused = as("cli_vic", "vic-secret-1", "users", "grant", "cli_vic", "admin");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("the database refused", "permission denied");

        var wrong = as("cli_vic", "not-it", "users", "list");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("refused the password");
    }
}
