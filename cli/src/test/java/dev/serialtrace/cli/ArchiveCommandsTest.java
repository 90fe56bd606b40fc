package dev.serialtrace.cli;

import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.testing.TestPeople;
import dev.serialtrace.db.testing.TestPeople.TestPerson;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.Arrays;

import static dev.serialtrace.cli.DbInfoCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** archive, purge and retention from the command line, on a real database: a DSCSA unit (March 2015) and an ATF unit (April 2015). */
class ArchiveCommandsTest {
    private PGSimpleDataSource ds;

    @BeforeEach
    void dscsaAndAtfHistoryFrom2015() {
        ds = (PGSimpleDataSource) TestDatabase.fresh();
        DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
        dsl.execute("insert into party (id, kind, name) values (1, 'manufacturer', 'Acme'), (2, 'own', 'Us')");
        dsl.execute("insert into product (id, sku, name, category, manufacturer_id, regulatory_tags) values "
                + "(1, 'RX-1', 'Insulin', 'pharma', 1, '{DSCSA}'), (2, 'FA-1', 'Rifle', 'firearms', 1, '{ATF}')");
        dsl.execute("insert into site (id, code, name, party_id, time_zone) values (1, 'S1', 'S1', 2, 'UTC')");
        dsl.execute("insert into location (id, site_id, kind, code, path) values (1, 1, 'shelf', 'A', 'S1/A')");
        dsl.execute("insert into unit (id, internal_id, product_id, manufacturer_id, serial) values (1, 'U1', 1, 1, 'RX-SN-1'), (2, 'U2', 2, 1, 'FA-SN-1')");
        dsl.execute("select ensure_custody_partitions('2015-03-01', '2015-04-01')");
        dsl.execute("insert into custody_event (unit_id, occurred_at, occurred_zone, biz_step, disposition, to_location_id, capture_method) values "
                + "(1, '2015-03-02 10:00Z', 'UTC', 'storing', 'sellable_accessible', 1, 'scan'),"
                + "(2, '2015-04-02 10:00Z', 'UTC', 'storing', 'sellable_accessible', 1, 'scan')");
    }

    private DbInfoCommandTest.Run as(String user, String password, String... args) {
        String[] extra = password == null ? new String[] {"--db-url", ds.getURL(), "--db-user", user}
                : new String[] {"--db-url", ds.getURL(), "--db-user", user, "--db-password=" + password};
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return run(all);
    }

    @Test
    void archiveDryRunThenArchiveShowsInDbInfoAndVerifyStaysIntact() {
        var dry = as("postgres", null, "archive", "--older-than", "24m", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would move custody_event_2015_03", "dry run:");

        var moved = as("postgres", null, "archive", "--older-than", "2y");
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("moved    custody_event_2015_03");

        var info = as("postgres", null, "db", "info");
        assertThat(info.out()).contains("archive         ").contains("month(s) archived (2015-03 – ")
                .contains("latest run: archive by postgres").contains("retention       DSCSA at least 6 years; ATF life of the business");
        var partitions = as("postgres", null, "retention", "partitions");
        assertThat(partitions.out()).containsPattern("custody_event_2015_03\\s+archive");

        var verify = as("postgres", null, "verify", "--all");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(as("postgres", null, "lookup", "RX-SN-1").out()).contains("U1");
    }

    @Test
    void purgeUnderDscsaIsRefusedWithExitCodeFiveAndPurgePastRetentionWorks() {
        var refused = as("postgres", null, "purge", "--before", "2015-05-01");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(PurgeCommand.REFUSED_BY_RETENTION);
        assertThat(refused.out()).contains("held     custody_event_2015_04", "ATF holds 1 event(s) for the life of the business",
                "refused: nothing was deleted");

        var purged = as("postgres", null, "purge", "--before", "2015-04-01");   // the DSCSA month is 11 years old: past 6 years
        assertThat(purged.exitCode()).as(purged.err()).isZero();
        assertThat(purged.out()).contains("purged   custody_event_2015_03", "purged 1 events in 1 month(s)");

        var runs = as("postgres", null, "retention", "runs");
        assertThat(runs.out()).contains("purge   by postgres, before 2015-04-01: done")
                .contains("purge   by postgres, before 2015-05-01: refused");
        assertThat(as("postgres", null, "retention", "list").out()).contains("DSCSA", "ATF", "life of the business", "27 CFR 478.129");
    }

    @Test
    void aViewerIsRefusedByTheDatabaseAndBadInputGetsAClearError() {
        TestPerson viewer = TestPeople.add(ds, "val", GroupRole.VIEWER);
        var archive = as(viewer.login(), viewer.password(), "archive", "--older-than", "24m");
        assertThat(archive.exitCode()).isEqualTo(1);
        assertThat(archive.err()).contains("permission denied for function archive_custody_partitions");
        var purge = as(viewer.login(), viewer.password(), "purge", "--before", "2015-04-01");
        assertThat(purge.err()).contains("permission denied for function purge_custody_partitions");

        assertThat(as("postgres", null, "archive", "--older-than", "soon").err()).contains("is not an age");
        assertThat(as("postgres", null, "purge", "--before", "01/04/2015").err()).contains("write it as YYYY-MM-DD");
        assertThat(run("archive", "--help").out()).contains("--older-than", "--dry-run", "--tablespace");
        assertThat(run("purge", "--help").out()).contains("--before", "--dry-run");
        assertThat(run("bench", "archive", "--help").out()).contains("--samples", "--keep");
    }
}
