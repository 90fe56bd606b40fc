package dev.serialtrace.db.archive;

import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.integrity.BreakKind;
import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.integrity.VerificationReport;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.testing.TestPeople;
import dev.serialtrace.db.testing.TestPeople.TestPerson;
import dev.serialtrace.db.unit.LookupResult;
import dev.serialtrace.db.unit.TimelineEntry;
import dev.serialtrace.db.unit.UnitLookup;
import dev.serialtrace.db.unit.UnitTimelineQuery;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Archiving keeps old months readable through custody_event (lookup, timeline, verify, anchor);
 * purging refuses every month that a retention rule holds, names the rule, drops only what no rule
 * holds, leaves verification intact and is recorded (archive_run and the Part 11 trail); only
 * admins may do either. Hand-built data: three products (plain, DSCSA, ATF), one unit each, events
 * in 2015, in the month 5½ years before today, and recent ones.
 */
class DataLifecycleTest {
    private static final LocalDate TODAY = LocalDate.now();
    private DataSource owner;
    private DSLContext dsl;
    private TestPerson admin;
    private DataLifecycle lifecycle;
    private final LocalDate fiveAndAHalfYearsAgo = TODAY.minusMonths(66).withDayOfMonth(10);
    private final String recent = TODAY.minusDays(3) + " 09:00Z";

    @BeforeEach
    void threeProductsWithOldAndRecentHistory() throws SQLException {
        owner = TestDatabase.fresh();
        dsl = DSL.using(owner, SQLDialect.POSTGRES);
        sql("insert into party (id, kind, name) values (1, 'manufacturer', 'Acme'), (2, 'own', 'Us')",
                "insert into product (id, sku, name, category, manufacturer_id, regulatory_tags) values "
                        + "(1, 'LT-1', 'Laptop', 'it', 1, '{}'), (2, 'RX-1', 'Insulin', 'pharma', 1, '{DSCSA}'),"
                        + "(3, 'FA-1', 'Rifle', 'firearms', 1, '{ATF}')",
                "insert into site (id, code, name, party_id, time_zone) values (1, 'S1', 'Site 1', 2, 'UTC')",
                "insert into location (id, site_id, kind, code, path) values (1, 1, 'shelf', 'A', 'S1/A'), (2, 1, 'shelf', 'B', 'S1/B')",
                "insert into unit (id, internal_id, product_id, manufacturer_id, serial) values "
                        + "(1, 'U1', 1, 1, 'LAPTOP-1'), (2, 'U2', 2, 1, 'INSULIN-1'), (3, 'U3', 3, 1, 'RIFLE-1')",
                "select ensure_custody_partitions('2015-03-01', '2015-05-01')",
                "select ensure_custody_partitions('" + fiveAndAHalfYearsAgo + "', '" + fiveAndAHalfYearsAgo + "')");
        event(1, "2015-03-02 10:00Z", 1);
        event(1, "2015-03-20 10:00Z", 2);
        event(3, "2015-05-04 10:00Z", 1);
        event(2, fiveAndAHalfYearsAgo + " 10:00Z", 1);
        for (int unit = 1; unit <= 3; unit++) {
            event(unit, recent, 2);
        }
        admin = TestPeople.add(owner, "ada", GroupRole.ADMIN);
        lifecycle = new DataLifecycle(DSL.using(admin.dataSource(), SQLDialect.POSTGRES));
    }

    @Test
    void archivingMovesOldMonthsWhileLookupTimelineAndVerifyStillWork() throws SQLException {
        List<ArchivedPartition> planned = lifecycle.archive(24, null, true);
        assertThat(planned).extracting(ArchivedPartition::name)
                .contains("custody_event_2015_03", "custody_event_2015_04", "custody_event_2015_05", partitionOf(fiveAndAHalfYearsAgo))
                .doesNotContain(partitionOf(TODAY), partitionOf(TODAY.minusMonths(23)));
        assertThat(planned).noneMatch(ArchivedPartition::moved);
        assertThat(schemaOf("custody_event_2015_03")).isEqualTo("public");   // a dry run moves nothing
        assertThat(lifecycle.runs(10)).isEmpty();

        List<ArchivedPartition> moved = lifecycle.archive(24, null, false);
        assertThat(moved).extracting(ArchivedPartition::name).containsExactlyElementsOf(planned.stream().map(ArchivedPartition::name).toList());
        assertThat(moved).allMatch(ArchivedPartition::moved);
        assertThat(schemaOf("custody_event_2015_03")).isEqualTo("archive");
        assertThat(schemaOf(partitionOf(TODAY))).isEqualTo("public");

        // read through the parent, as every query does, and as a plain viewer
        TestPerson viewer = TestPeople.add(owner, "vic", GroupRole.VIEWER);
        DSLContext asViewer = DSL.using(viewer.dataSource(), SQLDialect.POSTGRES);
        LookupResult found = new UnitLookup(asViewer, ParserOptions.defaults(Clock.systemUTC())).lookup("LAPTOP-1");
        assertThat(found).isInstanceOfSatisfying(LookupResult.Found.class,
                f -> assertThat(f.units()).singleElement().satisfies(u -> assertThat(u.unitId()).isEqualTo(1)));
        List<TimelineEntry> timeline = new UnitTimelineQuery(asViewer).fetch(1);
        assertThat(timeline).extracting(t -> t.occurredAt().getYear()).containsExactly(2015, 2015, TODAY.minusDays(3).getYear());

        ChainVerifier verifier = new ChainVerifier(asViewer);
        VerificationReport report = verifier.verifyAll((d, t) -> { });
        assertThat(report.breaks()).isEmpty();
        assertThat(report.events()).isEqualTo(7);
        assertThat(new ChainVerifier(DSL.using(admin.dataSource(), SQLDialect.POSTGRES)).anchor().linkCount()).isEqualTo(7);
        assertThat(verifier.verifyAll((d, t) -> { }).breaks()).isEmpty();

        // a late event for an archived month lands in the archived partition (no second partition)
        assertThat(value(dsl, Integer.class, "select ensure_custody_partitions('2015-04-01', '2015-04-01')")).isZero();
        event(1, "2015-04-15 10:00Z", 1);
        assertThat(value(dsl, Long.class, "select count(*) from archive.custody_event_2015_04")).isEqualTo(1);
        assertThat(new ChainVerifier(dsl).verifyUnit(1).breaks()).isEmpty();

        // tampering inside an archived month is still found
        sqlBypassingTriggers("update archive.custody_event_2015_03 set to_location_id = 2 where occurred_at = '2015-03-02 10:00Z'");
        assertThat(new ChainVerifier(dsl).verifyAll((d, t) -> { }).breaks()).singleElement()
                .satisfies(b -> assertThat(b.kind()).isEqualTo(BreakKind.ALTERED));

        assertThat(lifecycle.runs(10)).singleElement().satisfies(run -> {
            assertThat(run.action()).isEqualTo("archive");
            assertThat(run.runBy()).isEqualTo(admin.login());
            assertThat(run.outcome()).isEqualTo("done");
            assertThat(run.partitions()).contains("custody_event_2015_03");
        });
        assertThat(lifecycle.state().summary()).contains("archived (2015-03 – ").contains("latest run: archive by " + admin.login());
    }

    @Test
    void purgeIsRefusedWhileDscsaOrAtfHoldAnyEventAndSaysWhichRule() {
        PurgeResult dry = lifecycle.purge(fiveAndAHalfYearsAgo.withDayOfMonth(1).plusMonths(1), true);
        Map<String, PurgeCandidate> months = dry.months().stream().collect(Collectors.toMap(PurgeCandidate::name, m -> m));
        assertThat(dry.refused()).isTrue();
        assertThat(months.get("custody_event_2015_03").held()).isFalse();    // plain product, 11 years old
        assertThat(months.get("custody_event_2015_05").heldBy()).contains("ATF holds 1 event(s) for the life of the business");
        assertThat(months.get(partitionOf(fiveAndAHalfYearsAgo)).heldBy())
                .contains("DSCSA holds 1 event(s) until " + fiveAndAHalfYearsAgo.plusYears(6));

        PurgeResult refused = lifecycle.purge(fiveAndAHalfYearsAgo.withDayOfMonth(1).plusMonths(1), false);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.purgedEvents()).isZero();
        assertThat(value(dsl, Long.class, "select count(*) from custody_event")).isEqualTo(7);   // nothing dropped
        assertThat(lifecycle.runs(1)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo("refused");
            assertThat(run.detail()).contains("ATF", "DSCSA", "custody_event_2015_05");
        });

        // neither a longer default nor an admin can lower the legal floors
        assertThatThrownBy(() -> DSL.using(admin.dataSource(), SQLDialect.POSTGRES)
                .execute("update retention_rule set minimum_age = interval '5 years' where regulation = 'DSCSA'"))
                .hasMessageContaining("dscsa_at_least_six_years");
        assertThatThrownBy(() -> DSL.using(admin.dataSource(), SQLDialect.POSTGRES)
                .execute("update retention_rule set minimum_age = interval '30 years' where regulation = 'ATF'"))
                .hasMessageContaining("atf_for_life_of_business");
    }

    @Test
    void purgePastRetentionDropsTheMonthsKeepsVerifyIntactAndIsTraceable() throws SQLException {
        PurgeResult purged = lifecycle.purge(LocalDate.of(2015, 5, 1), false);   // March and April 2015: plain laptop only
        assertThat(purged.refused()).isFalse();
        assertThat(purged.months()).extracting(PurgeCandidate::name).containsExactly("custody_event_2015_03", "custody_event_2015_04");
        assertThat(purged.purgedEvents()).isEqualTo(2);
        assertThat(value(dsl, Boolean.class, "select to_regclass('custody_event_2015_03') is null")).isTrue();
        assertThat(new UnitTimelineQuery(dsl).fetch(1)).hasSize(1);      // the recent event remains
        assertThat(new ChainVerifier(dsl).verifyAll((d, t) -> { }).breaks()).isEmpty();   // links kept, range recorded

        ArchiveRun run = lifecycle.runs(1).get(0);
        assertThat(run.action()).isEqualTo("purge");
        assertThat(run.outcome()).isEqualTo("done");
        assertThat(run.events()).isEqualTo(2);
        assertThat(run.runBy()).isEqualTo(admin.login());
        assertThat(value(dsl, Long.class, "select count(*) from audit_trail where table_name = 'archive_run' and action = 'insert' "
                + "and changed_by = ? and new_values ->> 'action' = 'purge'", admin.login())).isEqualTo(1);
        assertThatThrownBy(() -> sql("delete from archive_run")).hasMessageContaining("append-only");

        // a month dropped around the purge function is not excused: its events show as deleted
        sql("drop table custody_event_2015_05");
        assertThat(new ChainVerifier(dsl).verifyUnit(3).breaks()).singleElement()
                .satisfies(b -> assertThat(b.kind()).isEqualTo(BreakKind.DELETED));
    }

    @Test
    void onlyAdminsMayArchiveOrPurge() {
        for (GroupRole role : List.of(GroupRole.VIEWER, GroupRole.QUALITY, GroupRole.SUPERVISOR, GroupRole.COMPLIANCE)) {
            TestPerson person = TestPeople.add(owner, role.shortName(), role);
            DataLifecycle theirs = new DataLifecycle(DSL.using(person.dataSource(), SQLDialect.POSTGRES));
            assertThatThrownBy(() -> theirs.archive(24, null, false)).as(role + " archives")
                    .hasMessageContaining("permission denied for function archive_custody_partitions");
            assertThatThrownBy(() -> theirs.purge(LocalDate.of(2015, 5, 1), false)).as(role + " purges")
                    .hasMessageContaining("permission denied for function purge_custody_partitions");
            assertThatThrownBy(() -> DSL.using(person.dataSource(), SQLDialect.POSTGRES)
                    .execute("alter table custody_event_2015_03 set schema archive")).as(role + " moves a partition")
                    .hasMessageContaining("must be owner");
            assertThat(theirs.rules()).extracting(RetentionRule::regulation).contains("DSCSA", "ATF");   // readable by all
        }
        assertThat(schemaOf("custody_event_2015_03")).isEqualTo("public");
        assertThat(value(dsl, Long.class, "select count(*) from custody_event")).isEqualTo(7);
    }

    private static <T> T value(DSLContext on, Class<T> type, String sql, Object... binds) {
        return on.fetchOne(sql, binds).get(0, type);
    }

    private static String partitionOf(LocalDate day) {
        return String.format("custody_event_%04d_%02d", day.getYear(), day.getMonthValue());
    }

    private String schemaOf(String partition) {
        return value(dsl, String.class, "select schema_name from custody_partition where partition_name = ?", partition);
    }

    private void event(long unit, String at, long location) throws SQLException {
        sql("insert into custody_event (unit_id, occurred_at, occurred_zone, biz_step, disposition, to_location_id, capture_method) "
                + "values (" + unit + ", '" + at + "', 'UTC', 'storing', 'sellable_accessible', " + location + ", 'scan')");
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private void sqlBypassingTriggers(String statement) throws SQLException {
        sql("set session_replication_role = replica; " + statement + "; set session_replication_role = origin");
    }
}
