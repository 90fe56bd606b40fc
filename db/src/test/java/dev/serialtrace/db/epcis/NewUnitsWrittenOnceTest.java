package dev.serialtrace.db.epcis;

import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static dev.serialtrace.db.epcis.JsonLdDocuments.document;
import static dev.serialtrace.db.epcis.JsonLdDocuments.event;
import static dev.serialtrace.db.jooq.Tables.SITE;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units new in an import are inserted once, by the custody event trigger, with the state of their
 * first events (V180): that state, the KPI evidence and the clone signal must be exactly what the
 * old way gives (a stateless unit, then the same events in one statement updating it), and a
 * parent named only as parentID is created without state before the events that pack into it.
 */
class NewUnitsWrittenOnceTest {
    private static final String N1 = "urn:epc:id:sgtin:0614141.000001.N-1";
    private static final String N2 = "urn:epc:id:sgtin:0614141.000001.N-2";
    private static final String KIT = "urn:epc:id:sgtin:0614141.000002.KIT-NEW";
    private static final String OLD = "urn:epc:id:sgtin:0614141.000001.SN-1001";
    private static final String[] STATE = {"status", "last_biz_step", "location_id", "holder_party_id", "parent_unit_id",
            "event_count", "first_event_at", "last_event_at"};

    @TempDir
    Path dir;

    @Test
    void newUnitsGetTheStateTheUpdateWouldHaveGivenThem() throws Exception {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        ExchangeFixture f = new ExchangeFixture(db).history();  // SN-1001 exists, with history
        long own = db.select(SITE.PARTY_ID).from(SITE).where(SITE.CODE.eq("NL")).fetchOne().value1();
        long be = db.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE).values("BE", "Antwerp", own, "Europe/Brussels")
                .returning(SITE.ID).fetchOne().getId();
        db.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(be, dev.serialtrace.db.jooq.enums.LocationKind.dock, "D1", "BE/D1").execute();
        String doc = document(
                event("ObjectEvent", "2026-04-01T08:00:00.000Z", "ADD", ",\"epcList\":[\"" + N1 + "\",\"" + N2 + "\"],"
                        + "\"bizStep\":\"commissioning\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/D1\"}"),
                event("ObjectEvent", "2026-04-01T09:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + N1 + "\",\"" + OLD + "\"],"
                        + "\"bizStep\":\"storing\",\"disposition\":\"sellable_accessible\","
                        + "\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/F1\"}"),
                // another site an hour later: a clone signal, for a unit not in unit yet when the check runs
                event("ObjectEvent", "2026-04-01T10:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + N1 + "\"],"
                        + "\"bizStep\":\"receiving\",\"disposition\":\"in_progress\","
                        + "\"readPoint\":{\"id\":\"urn:serialtrace:location:BE/D1\"}"),
                event("AggregationEvent", "2026-04-01T11:00:00.000Z", "ADD", ",\"parentID\":\"" + KIT + "\","
                        + "\"childEPCs\":[\"" + N1 + "\",\"" + N2 + "\"],\"disposition\":\"in_progress\""),
                event("ObjectEvent", "2026-04-01T12:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + N2 + "\"],"
                        + "\"bizStep\":\"shipping\",\"disposition\":\"in_transit\","
                        + "\"destinationList\":[{\"type\":\"owning_party\",\"destination\":\"urn:epc:id:pgln:0614141.00001\"}]"),
                // out of order for N-2: older than its latest event, so it must not become its state
                event("ObjectEvent", "2026-04-01T07:30:00.000Z", "OBSERVE", ",\"epcList\":[\"" + N2 + "\"],"
                        + "\"bizStep\":\"inspecting\",\"disposition\":\"damaged\""));
        Path file = dir.resolve("new-units.jsonld");
        Files.writeString(file, doc);

        EpcisImporter.Report r = new EpcisImporter(db, Clock.systemUTC()).importFile(file, EpcisImporter.Options.defaults("p"),
                (p, d, t) -> { }, () -> false);

        assertThat(r.failures()).isEmpty();
        assertThat(r.imported()).isEqualTo(6);
        assertThat(r.unitsCreated()).isEqualTo(3);
        assertThat(db.fetchCount(DSL.table("unit_pending"))).as("nothing left staged").isZero();
        long n1 = unit(db, "N-1");
        long n2 = unit(db, "N-2");
        long kit = unit(db, "KIT-NEW");
        assertThat(db.fetchOne("select event_count, status from unit where id = ?", kit).intoArray())
                .as("a parent without events of its own: created without state").containsExactly(0, null);
        assertThat(db.fetchValue("select parent_unit_id from unit where id = ?", n1)).isEqualTo(kit);
        assertThat(db.fetchValue("select status::text from unit where id = ?", n2)).isEqualTo("in_transit");
        assertThat(db.fetchValue("select count(*) from kpi_evidence where metric = 'clone' and unit_id = ?", n1)).isEqualTo(1L);
        assertThat(db.fetchValue("select event_count from unit where id = ?", f.vial)).as("the existing unit, updated").isEqualTo(5);

        // the old way: a stateless twin of each new unit, then the same events in one statement, updating it
        long t1 = twin(db, n1);
        long t2 = twin(db, n2);
        db.execute("""
                insert into custody_event (id, unit_id, occurred_at, occurred_zone, biz_step, disposition, from_location_id,
                  to_location_id, source_party_id, destination_party_id, parent_unit_id, biz_transactions, capture_method, raw_scan,
                  corrects_event_id, is_out_of_order, flag_reason, device)
                select nextval('custody_event_id_seq'), case unit_id when ? then ? else ? end, occurred_at, occurred_zone, biz_step,
                  disposition, from_location_id, to_location_id, source_party_id, destination_party_id, parent_unit_id,
                  biz_transactions, capture_method, raw_scan, corrects_event_id, is_out_of_order, flag_reason, device
                from custody_event where unit_id in (?, ?) order by id""", n1, t1, t2, n1, n2);

        for (long[] pair : new long[][] {{n1, t1}, {n2, t2}}) {
            assertThat(state(db, pair[0])).as("state of unit %d and of its twin", pair[0]).isEqualTo(state(db, pair[1]));
            assertThat(evidence(db, pair[0])).isEqualTo(evidence(db, pair[1]));
        }
        assertThat(new ChainVerifier(db).verifyAll((done, total) -> { }).intact()).isTrue();
    }

    @Test
    void aSupervisorMayStageUnitsAndCreateThemWithoutState() {
        // what an import needs of unit_pending, as the person who imports (supervisors import EPCIS)
        javax.sql.DataSource owner = TestDatabase.fresh();
        ExchangeFixture f = new ExchangeFixture(DSL.using(owner, SQLDialect.POSTGRES));
        DSLContext supervisor = DSL.using(dev.serialtrace.db.testing.TestPeople.add(owner, "sup",
                dev.serialtrace.db.access.GroupRole.SUPERVISOR).dataSource(), SQLDialect.POSTGRES);
        long id = supervisor.fetchOne("select nextval(pg_get_serial_sequence('unit', 'id'))").get(0, Long.class);
        supervisor.execute("insert into unit_pending (id, internal_id, product_id, manufacturer_id, serial, gtin) "
                + "values (?, ?, ?, ?, 'PARENT-1', ?)", id, "P" + id, f.kitProduct, f.maker, ExchangeFixture.KIT_GTIN);

        assertThat(supervisor.fetchOne("select create_pending_units(array[?]::bigint[])", id).get(0, Integer.class)).isEqualTo(1);

        DSLContext db = DSL.using(owner, SQLDialect.POSTGRES);
        assertThat(db.fetchOne("select serial, event_count, status from unit where id = ?", id).intoArray())
                .containsExactly("PARENT-1", 0, null);
        assertThat(db.fetchCount(DSL.table("unit_pending"))).isZero();
    }

    @Test
    void aClientStillCannotInsertAUnitWithState() {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        ExchangeFixture f = new ExchangeFixture(db);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.execute(
                        "insert into unit (internal_id, product_id, manufacturer_id, serial, status, event_count) "
                                + "values ('X1', ?, ?, 'PRESET-1', 'active', 1)", f.vialProduct, f.maker))
                .hasMessageContaining("starts without state");
    }

    private static long unit(DSLContext db, String serial) {
        return db.select(UNIT.ID).from(UNIT).where(UNIT.SERIAL.eq(serial)).fetchOne().value1();
    }

    private static long twin(DSLContext db, long unit) {
        return db.fetchOne("""
                insert into unit (internal_id, product_id, manufacturer_id, serial, gtin, lot_id, expiry)
                select 'T' || internal_id, product_id, manufacturer_id, 'TWIN-' || serial, gtin, lot_id, expiry from unit where id = ?
                returning id""", unit).get(0, Long.class);
    }

    private static Map<String, Object> state(DSLContext db, long unit) {
        Record r = db.fetchOne("select " + String.join(", ", STATE) + " from unit where id = ?", unit);
        return r.intoMap();
    }

    private static List<String> evidence(DSLContext db, long unit) {
        return db.fetch("select metric || ' ' || occurred_at || ' ' || site_id || ' ' || category from kpi_evidence where unit_id = ? "
                + "order by 1", unit).getValues(0, String.class);
    }
}
