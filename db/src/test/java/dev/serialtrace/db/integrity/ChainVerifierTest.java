package dev.serialtrace.db.integrity;

import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hash chains are computed by the database at insert, and verification finds what a superuser
 * does around the triggers ({@code session_replication_role = replica} disables them).
 */
class ChainVerifierTest {
    private DataSource owner;
    private DSLContext dsl;
    private ChainVerifier verifier;
    private long shelfA;
    private long shelfB;
    private final List<List<Long>> events = new ArrayList<>();   // per unit (index = unit id - 1), event ids in order

    @BeforeEach
    void warehouseWithThreeUnitsOfFourEvents() throws SQLException {
        owner = TestDatabase.fresh();
        dsl = DSL.using(owner, SQLDialect.POSTGRES);
        verifier = new ChainVerifier(dsl);
        sql("insert into party (id, kind, name) values (1, 'manufacturer', 'Acme'), (2, 'own', 'Us')");
        sql("insert into product (id, sku, name, category, manufacturer_id) values (1, 'LT-1', 'Laptop', 'it', 1)");
        sql("insert into site (id, code, name, party_id, time_zone) values (1, 'S1', 'Site 1', 2, 'UTC')");
        sql("insert into location (id, site_id, kind, code, path) values (1, 1, 'shelf', 'A', 'S1/A'), (2, 1, 'shelf', 'B', 'S1/B')");
        shelfA = 1;
        shelfB = 2;
        for (int u = 1; u <= 3; u++) {
            sql("insert into unit (id, internal_id, product_id, manufacturer_id, serial) values (" + u + ", 'U" + u + "', 1, 1, 'SN" + u + "')");
            events.add(new ArrayList<>());
        }
        // one statement with several events of several units (as a bulk load), then one event per statement
        sql("insert into custody_event (unit_id, occurred_at, occurred_zone, biz_step, disposition, to_location_id, capture_method) values "
                + "(1, '2026-01-01 10:00Z', 'UTC', 'receiving', 'active', 1, 'scan'),"
                + "(2, '2026-01-01 10:00Z', 'UTC', 'receiving', 'active', 1, 'scan'),"
                + "(1, '2026-01-02 10:00Z', 'UTC', 'storing', 'sellable_accessible', 2, 'scan'),"
                + "(3, '2026-01-01 10:00Z', 'UTC', 'receiving', 'active', 1, 'scan')");
        for (int day = 3; day <= 5; day++) {
            for (int u = 1; u <= 3; u++) {
                if (u == 1 && day == 5) {
                    continue;
                }
                sql("insert into custody_event (unit_id, occurred_at, occurred_zone, biz_step, disposition, to_location_id, capture_method) "
                        + "values (" + u + ", '2026-01-0" + day + " 10:00Z', 'UTC', 'storing', 'sellable_accessible', " + (day % 2 + 1) + ", 'scan')");
            }
        }
        for (int u = 1; u <= 3; u++) {
            events.get(u - 1).addAll(dsl.fetch("select event_id from custody_chain where unit_id = ? order by chain_seq", u)
                    .getValues(0, Long.class));
        }
    }

    @Test
    void everyEventIsLinkedToThePreviousOneOfItsUnitByTheDatabase() throws Exception {
        assertThat(events).allSatisfy(unit -> assertThat(unit).hasSize(4));
        byte[] previous = new byte[0];
        for (long id : events.get(0)) {
            byte[] canonical = dsl.fetchOne("select custody_event_canonical(e) from custody_event e where id = ?", id).get(0, byte[].class);
            byte[] link = dsl.fetchOne("select link from custody_chain where event_id = ?", id).get(0, byte[].class);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            assertThat(link).isEqualTo(sha.digest(canonical));
            previous = link;
        }
        String canonical = dsl.fetchOne("select convert_from(custody_event_canonical(e), 'UTF8') from custody_event e where id = ?",
                events.get(0).get(0)).get(0, String.class);
        assertThat(canonical).startsWith("custody_event/v1|" + events.get(0).get(0) + "|1|1767261600000000|'UTC'|")
                .contains("|receiving|active|NULL|'1'|NULL|NULL|NULL|'[]'|scan|NULL|NULL|NULL|'postgres'|NULL|f|f|NULL");
    }

    @Test
    void intactHistoryVerifiesCleanAndAnchorsCoverEveryLink() {
        VerificationReport all = verifier.verifyAll((done, total) -> { });
        assertThat(all.breaks()).isEmpty();
        assertThat(all.units()).isEqualTo(3);
        assertThat(all.events()).isEqualTo(12);

        Anchor anchor = verifier.anchor();
        assertThat(anchor.linkCount()).isEqualTo(12);
        assertThat(verifier.verifyAll((d, t) -> { }).breaks()).isEmpty();
        assertThat(verifier.newestAnchor()).hasValueSatisfying(a -> assertThat(a.digestHex()).isEqualTo(anchor.digestHex()));
    }

    @Test
    void aRowAlteredBySuperuserWithTriggersDisabledIsFound() throws SQLException {
        long victim = events.get(1).get(2);
        asSuperuserBypassingTriggers("update custody_event set to_location_id = " + shelfA + " + " + shelfB
                + " - to_location_id where id = " + victim);   // moved to the other shelf

        VerificationReport report = verifier.verifyUnit(2);
        assertThat(report.breaks()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BreakKind.ALTERED);
            assertThat(b.eventId()).isEqualTo(victim);
            assertThat(b.chainSeq()).isEqualTo(3);
            assertThat(b.internalId()).isEqualTo("U2");
            assertThat(b.detail()).contains("content was changed");
        });
        assertThat(verifier.verifyUnit(1).breaks()).isEmpty();
        assertThat(verifier.verifyAll((d, t) -> { }).breaks()).extracting(ChainBreak::eventId).containsExactly(victim);
    }

    @Test
    void aDeletedEventIsFoundWhetherItsLinkWentWithItOrNot() throws SQLException {
        long second = events.get(0).get(1);
        asSuperuserBypassingTriggers("delete from custody_event where id = " + second);
        assertThat(verifier.verifyUnit(1).breaks()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BreakKind.DELETED);
            assertThat(b.eventId()).isEqualTo(second);
        });

        long third = events.get(1).get(2);
        asSuperuserBypassingTriggers("delete from custody_event where id = " + third,
                "delete from custody_chain where event_id = " + third);
        assertThat(verifier.verifyUnit(2).breaks()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BreakKind.DELETED);
            assertThat(b.detail()).contains("position", "3");
        });

        long last = events.get(2).get(3);
        asSuperuserBypassingTriggers("delete from custody_event where id = " + last,
                "delete from custody_chain where event_id = " + last);
        assertThat(verifier.verifyUnit(3).breaks()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BreakKind.DELETED);
            assertThat(b.detail()).contains("at the end of the chain");
        });
    }

    @Test
    void anEventInsertedAroundTheTriggersIsFound() throws SQLException {
        asSuperuserBypassingTriggers("insert into custody_event (id, unit_id, occurred_at, occurred_zone, biz_step, disposition, "
                + "capture_method) values (9999, 3, '2026-01-03 12:00Z', 'UTC', 'shipping', 'in_transit', 'scan')");
        assertThat(verifier.verifyUnit(3).breaks()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BreakKind.INSERTED);
            assertThat(b.eventId()).isEqualTo(9999L);
        });
    }

    @Test
    void eventsMovedInTheChainAreFoundAsReordered() throws SQLException {
        asSuperuserBypassingTriggers(
                "update custody_chain set chain_seq = -2 where unit_id = 1 and chain_seq = 2",
                "update custody_chain set chain_seq = 2 where unit_id = 1 and chain_seq = 3",
                "update custody_chain set chain_seq = 3 where unit_id = 1 and chain_seq = -2");
        // positions 2 and 3 swapped: the chain is broken before 2, before 3 and before 4 (whose predecessor moved)
        List<ChainBreak> breaks = verifier.verifyUnit(1).breaks();
        assertThat(breaks).extracting(ChainBreak::kind).containsOnly(BreakKind.REORDERED);
        assertThat(breaks).extracting(ChainBreak::chainSeq).contains(2, 3);
        assertThat(breaks).extracting(ChainBreak::eventId).contains(events.get(0).get(1), events.get(0).get(2));
    }

    @Test
    void aChainRewrittenConsistentlyByASuperuserStillBreaksItsAnchor() throws SQLException {
        verifier.anchor();
        long victim = events.get(2).get(3);   // the last event of unit 3: only its own link needs recomputing
        asSuperuserBypassingTriggers(
                "update custody_event set to_location_id = " + shelfA + " + " + shelfB + " - to_location_id where id = " + victim,
                "update custody_chain c set link = sha256((select p.link from custody_chain p where p.unit_id = 3 and p.chain_seq = 3)"
                        + " || custody_event_canonical(e)) from custody_event e where e.id = c.event_id and c.event_id = " + victim);
        assertThat(verifier.verifyUnit(3).breaks()).as("the unit's chain itself is consistent again").isEmpty();

        VerificationReport all = verifier.verifyAll((d, t) -> { });
        assertThat(all.breaks()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BreakKind.ALTERED);
            assertThat(b.anchorId()).isNotNull();
            assertThat(b.detail()).contains("no longer matches");
        });
    }

    @Test
    void linksAndAnchorsCannotBeChangedThroughTheTriggers() {
        assertThatThrownBy(() -> sql("update custody_chain set link = sha256('x') where unit_id = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("delete from custody_chain where unit_id = 1")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("delete from custody_anchor")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("truncate custody_chain")).hasMessageContaining("append-only");
    }

    @Test
    void aCorrectionReferencesAnEventOfTheSameUnitAndTheChainHoldsBoth() throws SQLException {
        long wrong = events.get(0).get(3);
        assertThatThrownBy(() -> sql("insert into custody_event (unit_id, occurred_at, occurred_zone, biz_step, disposition, "
                + "capture_method, corrects_event_id) values (2, '2026-01-06 10:00Z', 'UTC', 'storing', 'sellable_accessible', 'scan', "
                + wrong + ")")).hasMessageContaining("same unit");
        sql("insert into custody_event (unit_id, occurred_at, occurred_zone, biz_step, disposition, to_location_id, "
                + "capture_method, corrects_event_id) values (1, '2026-01-06 10:00Z', 'UTC', 'storing', 'sellable_accessible', 1, 'scan', "
                + wrong + ")");
        assertThat(dsl.fetchValue("select count(*)::int from custody_chain where unit_id = 1")).isEqualTo(5);
        assertThat(verifier.verifyUnit(1).breaks()).isEmpty();
    }

    private void asSuperuserBypassingTriggers(String... statements) throws SQLException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
