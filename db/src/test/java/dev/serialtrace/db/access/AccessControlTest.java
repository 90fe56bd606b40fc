package dev.serialtrace.db.access;

import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.testing.TestPeople;
import dev.serialtrace.db.testing.TestPeople.TestPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each role tries what it must not do, and the database refuses: history cannot be changed by
 * anyone, each role writes only what its work needs, a site-bound supervisor neither sees nor
 * changes another site, the actor is the session user, and the audit trail cannot be bypassed.
 */
class AccessControlTest {
    private DataSource owner;
    private final Map<GroupRole, TestPerson> people = new java.util.EnumMap<>(GroupRole.class);
    private TestPerson siteOneSupervisor;

    @BeforeEach
    void twoSitesWithAuditsAndHistory() throws SQLException {
        owner = TestDatabase.fresh();
        sql(owner, "insert into party (id, kind, name) values (1, 'manufacturer', 'Acme'), (2, 'own', 'Us')",
                "insert into product (id, sku, name, category, manufacturer_id) values (1, 'LT-1', 'Laptop', 'it', 1)",
                "insert into site (id, code, name, party_id, time_zone) values (1, 'S1', 'North', 2, 'UTC'), (2, 'S2', 'South', 2, 'UTC')",
                "insert into location (id, site_id, kind, code, path) values (1, 1, 'shelf', 'A', 'S1/A'), (2, 2, 'shelf', 'A', 'S2/A')",
                "insert into unit (id, internal_id, product_id, manufacturer_id, serial) values (1, 'U1', 1, 1, 'SN1')",
                "insert into custody_event (unit_id, occurred_at, occurred_zone, biz_step, disposition, to_location_id, capture_method) "
                        + "values (1, '2026-01-01 10:00Z', 'UTC', 'receiving', 'active', 1, 'scan')",
                "insert into spot_audit (id, code, site_id, scope) values (1, 'A-NORTH', 1, '{}'), (2, 'A-SOUTH', 2, '{}')");
        for (GroupRole role : GroupRole.values()) {
            people.put(role, TestPeople.add(owner, role.shortName(), role));
        }
        siteOneSupervisor = TestPeople.add(owner, "sid", GroupRole.SUPERVISOR);
        sql(owner, "select set_person_sites('" + siteOneSupervisor.login() + "', false, array[1]::bigint[])");
    }

    @Test
    void noRoleCanUpdateOrDeleteHistorySignaturesChainsOrTheTrail() {
        List<TestPerson> everyone = new ArrayList<>(people.values());
        everyone.add(siteOneSupervisor);
        List<String> attempts = List.of(
                "update custody_event set disposition = 'stolen'",
                "delete from custody_event",
                "truncate custody_event",
                "update custody_chain set link = sha256('x')",
                "delete from custody_chain",
                "delete from custody_anchor",
                "update signature set meaning = 'approved'",
                "delete from signature",
                "update audit_trail set changed_by = 'nobody'",
                "delete from audit_trail",
                "update unit set status = 'stolen'");
        for (TestPerson p : everyone) {
            for (String attempt : attempts) {
                assertThatThrownBy(() -> sql(p.dataSource(), attempt))
                        .as(p.login() + ": " + attempt)
                        .isInstanceOf(SQLException.class)
                        .hasMessageMatching("(?s).*(permission denied|append-only|current state changes only).*");
            }
        }
        // and not even the owner can change history through the triggers
        assertThatThrownBy(() -> sql(owner, "update custody_event set disposition = 'stolen'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql(owner, "delete from audit_trail")).hasMessageContaining("append-only");
    }

    @Test
    void applicationRolesOwnNothing() throws SQLException {
        assertThat(queryLong(owner, "select count(*) from pg_class c join pg_roles r on r.oid = c.relowner "
                + "where r.rolname like 'serialtrace\\_%' or r.rolname in (select login from person)")).isZero();
    }

    @Test
    void onlySupervisorsRecordCustodyEventsAndTheActorIsAlwaysTheSessionUser() throws SQLException {
        String event = "insert into custody_event (unit_id, occurred_at, occurred_zone, biz_step, disposition, to_location_id, "
                + "capture_method%s) values (1, '2026-01-02 10:00Z', 'UTC', 'storing', 'sellable_accessible', 1, 'scan'%s)";
        for (GroupRole role : List.of(GroupRole.VIEWER, GroupRole.QUALITY, GroupRole.COMPLIANCE, GroupRole.ADMIN)) {
            assertThatThrownBy(() -> sql(people.get(role).dataSource(), String.format(event, "", "")))
                    .as(role.shortName()).hasMessageContaining("permission denied");
        }
        TestPerson supervisor = people.get(GroupRole.SUPERVISOR);
        assertThatThrownBy(() -> sql(supervisor.dataSource(), String.format(event, ", actor", ", 'someone_else'")))
                .hasMessageContaining("actor of a custody event is the signed-in person");

        sql(supervisor.dataSource(), String.format(event, "", ""));
        assertThat(queryString(owner, "select actor from custody_event order by id desc limit 1")).isEqualTo(supervisor.login());
        assertThat(queryLong(owner, "select event_count from unit where id = 1")).isEqualTo(2);
        assertThat(queryLong(owner, "select count(*) from custody_chain where unit_id = 1")).isEqualTo(2);
    }

    @Test
    void aSiteBoundSupervisorNeitherSeesNorChangesAnotherSite() throws SQLException {
        DataSource sid = siteOneSupervisor.dataSource();
        assertThat(queryString(sid, "select string_agg(code, ',' order by code) from spot_audit")).isEqualTo("A-NORTH");
        assertThat(queryLong(sid, "with u as (update spot_audit set status = 'cancelled' where id = 2 returning 1) "
                + "select count(*) from u")).isZero();
        assertThat(queryString(owner, "select status from spot_audit where id = 2")).isEqualTo("planned");
        assertThatThrownBy(() -> sql(sid, "insert into spot_audit (code, site_id, scope) values ('MINE', 2, '{}')"))
                .hasMessageContaining("row-level security");
        assertThatThrownBy(() -> sql(sid, "insert into custody_event (unit_id, occurred_at, occurred_zone, biz_step, "
                + "disposition, to_location_id, capture_method) values (1, '2026-01-02 10:00Z', 'UTC', 'storing', "
                + "'sellable_accessible', 2, 'scan')")).hasMessageContaining("row-level security");
        // their own site works, and a supervisor of all sites sees both
        sql(sid, "update spot_audit set status = 'in_progress' where id = 1");
        assertThat(queryString(owner, "select status from spot_audit where id = 1")).isEqualTo("in_progress");
        assertThat(queryLong(people.get(GroupRole.SUPERVISOR).dataSource(), "select count(*) from spot_audit")).isEqualTo(2);
        // granted the second site, they see it
        sql(owner, "select set_person_sites('" + siteOneSupervisor.login() + "', false, array[1, 2]::bigint[])");
        assertThat(queryLong(sid, "select count(*) from spot_audit")).isEqualTo(2);
    }

    @Test
    void onlyAdminsManagePeopleAndMasterData() throws SQLException {
        for (GroupRole role : List.of(GroupRole.VIEWER, GroupRole.QUALITY, GroupRole.SUPERVISOR, GroupRole.COMPLIANCE)) {
            DataSource ds = people.get(role).dataSource();
            assertThatThrownBy(() -> sql(ds, "select grant_person_role('" + people.get(role).login() + "', 'admin')"))
                    .as(role.shortName()).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql(ds, "update product set name = 'x'")).as(role.shortName())
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql(ds, "create table mine (x int)")).as(role.shortName())
                    .hasMessageContaining("permission denied");
        }
        DataSource admin = people.get(GroupRole.ADMIN).dataSource();
        sql(admin, "update product set name = 'Laptop 14' where id = 1");
        sql(admin, "select grant_person_role('" + people.get(GroupRole.VIEWER).login() + "', 'quality')");
        assertThat(queryString(owner, "select array_to_string(roles, ',') from person_role where login = '"
                + people.get(GroupRole.VIEWER).login() + "'")).isEqualTo("quality,viewer");
    }

    @Test
    void theTrailHoldsWhoChangedWhatWithOldAndNewValuesAndOnlyComplianceReadsIt() throws SQLException {
        TestPerson admin = people.get(GroupRole.ADMIN);
        sql(admin.dataSource(), "update product set name = 'Laptop 14' where id = 1");
        sql(admin.dataSource(), "select revoke_person_role('" + people.get(GroupRole.QUALITY).login() + "', 'quality')");

        DataSource compliance = people.get(GroupRole.COMPLIANCE).dataSource();
        assertThat(queryString(compliance, "select concat_ws('|', changed_by, action, old_values->>'name', new_values->>'name') "
                + "from audit_trail where table_name = 'product' and record_id = '1' and action = 'update'"))
                .isEqualTo(admin.login() + "|update|Laptop|Laptop 14");
        assertThat(queryString(compliance, "select concat_ws('|', changed_by, action, old_values->>'role') from audit_trail "
                + "where table_name = 'person_role' and action = 'revoke'"))
                .isEqualTo(admin.login() + "|revoke|quality");
        assertThat(queryLong(compliance, "select count(*) from audit_trail where table_name = 'spot_audit' and action = 'insert'"))
                .isEqualTo(2);
        for (GroupRole role : List.of(GroupRole.VIEWER, GroupRole.QUALITY, GroupRole.SUPERVISOR, GroupRole.ADMIN)) {
            assertThatThrownBy(() -> queryLong(people.get(role).dataSource(), "select count(*) from audit_trail"))
                    .as(role.shortName()).hasMessageContaining("permission denied");
        }
    }

    @Test
    void theTrailCannotBeBypassed() {
        DataSource admin = people.get(GroupRole.ADMIN).dataSource();
        assertThatThrownBy(() -> sql(admin, "set session_replication_role = replica"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> sql(admin, "alter table product disable trigger audit_trail"))
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> sql(admin, "insert into audit_trail (table_name, action) values ('product', 'update')"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> sql(people.get(GroupRole.COMPLIANCE).dataSource(), "delete from audit_trail"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> sql(admin, "alter function record_audit_trail() owner to " + people.get(GroupRole.ADMIN).login()))
                .hasMessageContaining("must be owner");
    }

    private static void sql(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static long queryLong(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String queryString(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
