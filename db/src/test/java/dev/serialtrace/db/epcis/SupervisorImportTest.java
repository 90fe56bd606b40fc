package dev.serialtrace.db.epcis;

import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.jooq.enums.LocationKind;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.testing.TestPeople;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static dev.serialtrace.db.epcis.JsonLdDocuments.document;
import static dev.serialtrace.db.epcis.JsonLdDocuments.event;
import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.LOT;
import static dev.serialtrace.db.jooq.Tables.PARTY;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SITE;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor (not the schema owner) imports EPCIS: custody_event's row-level security lets them append
 * only at their sites, and PostgreSQL refuses COPY into such a table outright, so the import must take
 * another way in and say plainly which events it could not record.
 */
class SupervisorImportTest {
    private static final String VIAL = "urn:epc:id:sgtin:0614141.000001.SUP-1";

    @TempDir
    Path dir;

    @Test
    void aSupervisorImportsTheEventsAtTheirSitesAndIsToldWhyTheOthersWereNot() throws Exception {
        Warehouse w = new Warehouse();
        DSLContext db = w.db;
        ExchangeFixture f = w.fixture;
        TestPeople.TestPerson sup = w.supervisor;

        Path file = dir.resolve("partner.jsonld");
        Files.writeString(file, document(visits()));

        EpcisImporter importer = new EpcisImporter(DSL.using(sup.dataSource(), SQLDialect.POSTGRES), Clock.systemUTC());
        EpcisImporter.Report r = importer.importFile(file, EpcisImporter.Options.defaults("partner"), (p, d, t) -> { }, () -> false);

        assertThat(importer.batchesRetried()).as("the event at a site not granted is left out before its batch is written")
                .isZero();
        assertThat(r.imported()).as(r.failures().toString()).isEqualTo(2);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.index()).isEqualTo(1);
            assertThat(failure.field()).isEqualTo("bizLocation");
            assertThat(failure.message()).contains("a site you are not granted");
        });
        var events = db.select(CUSTODY_EVENT.TO_LOCATION_ID, CUSTODY_EVENT.ACTOR).from(CUSTODY_EVENT).join(UNIT)
                .on(UNIT.ID.eq(CUSTODY_EVENT.UNIT_ID)).where(UNIT.SERIAL.eq("SUP-1")).orderBy(CUSTODY_EVENT.OCCURRED_AT).fetch();
        assertThat(events.getValues(CUSTODY_EVENT.TO_LOCATION_ID)).containsExactly(f.dock, f.fridge);
        assertThat(events.getValues(CUSTODY_EVENT.ACTOR)).containsOnly(sup.login());
        assertThat(db.select(UNIT.EVENT_COUNT).from(UNIT).where(UNIT.SERIAL.eq("SUP-1")).fetchOne(UNIT.EVENT_COUNT)).isEqualTo(2);
        assertThat(new ChainVerifier(db).verifyAll((done, total) -> { }).intact()).isTrue();
    }

    @Test
    void aDryRunSaysWhichEventsTheImportWouldLeaveOutForTheirSite() throws Exception {
        Warehouse w = new Warehouse();
        Path file = dir.resolve("partner.jsonld");
        Files.writeString(file, document(visits()));

        EpcisImporter.Report r = new EpcisImporter(DSL.using(w.supervisor.dataSource(), SQLDialect.POSTGRES), Clock.systemUTC())
                .importFile(file, new EpcisImporter.Options(true, false, "partner", 100), (p, d, t) -> { }, () -> false);

        assertThat(r.dryRun()).isTrue();
        assertThat(r.imported()).as("would be imported").isEqualTo(2);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.index()).isEqualTo(1);
            assertThat(failure.field()).isEqualTo("bizLocation");
            assertThat(failure.message()).contains("a site you are not granted");
        });
        assertThat(w.db.fetchCount(UNIT, UNIT.SERIAL.eq("SUP-1"))).as("a dry run writes nothing").isZero();
    }

    @Test
    void aLargeBatchWithOneRefusedEventGoesInAgainInHalvesNotEventByEvent() throws Exception {
        Warehouse w = new Warehouse();
        DSLContext db = w.db;
        int n = 200;
        int refused = 123;
        // a refusal the import cannot foresee (as a constraint added since, or a rule of the site's DBA): a trigger
        db.execute("create function refuse_half_123() returns trigger language plpgsql as $$ begin "
                + "if new.raw_scan like '%.HALF-123' then raise exception 'the warehouse''s own rule refuses HALF-123'; end if; "
                + "return new; end $$");
        db.execute("create trigger refuse_half_123 before insert on custody_event for each row execute function refuse_half_123()");
        String[] events = new String[n];
        for (int i = 0; i < n; i++) {
            events[i] = event("ObjectEvent", java.time.Instant.parse("2026-03-01T08:00:00Z").plusSeconds(60L * i).toString(), "ADD",
                    ",\"epcList\":[\"urn:epc:id:sgtin:0614141.000001.HALF-" + i + "\"],"
                            + "\"bizStep\":\"commissioning\",\"disposition\":\"active\","
                            + "\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/D1\"}");
        }
        Path file = dir.resolve("partner-200.jsonld");
        Files.writeString(file, document(events));

        EpcisImporter importer = new EpcisImporter(DSL.using(w.supervisor.dataSource(), SQLDialect.POSTGRES), Clock.systemUTC());
        EpcisImporter.Report r = importer.importFile(file, new EpcisImporter.Options(false, false, "partner", n), (p, d, t) -> { },
                () -> false);

        assertThat(r.imported()).as(r.failures().toString()).isEqualTo(n - 1);
        assertThat(r.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.index()).isEqualTo(refused);
            assertThat(failure.message()).isEqualTo("the warehouse's own rule refuses HALF-123");
        });
        assertThat(importer.batchesRetried()).isEqualTo(1);
        // 200 → halves of 100 → 50 → 25 → 13 and 12: eight halves, then the 13 events of the refused one alone
        assertThat(importer.retryTransactions()).as("transactions of the retry").isEqualTo(8 + 13);
        assertThat(db.fetchCount(UNIT, UNIT.SERIAL.like("HALF-%"))).isEqualTo(n - 1);
        assertThat(db.fetchCount(UNIT, UNIT.SERIAL.eq("HALF-" + refused))).isZero();
        assertThat(new ChainVerifier(db).verifyAll((done, total) -> { }).intact()).isTrue();
    }

    @Test
    void aBatchTheDatabaseRefusesIsNotRetriedForADocumentTheCheckRefuses() throws Exception {
        Warehouse w = new Warehouse();
        DSLContext db = w.db;
        TestPeople.TestPerson sup = w.supervisor;

        Path file = dir.resolve("partner-with-a-bad-event.jsonld");
        Files.writeString(file, document(visits(   // batch 1: the database refuses it, then the check refuses the document
                event("ObjectEvent", "2026-03-01T11:00:00.000Z", "LOOK", ",\"epcList\":[\"" + VIAL + "\"]"))));

        EpcisImporter importer = new EpcisImporter(DSL.using(sup.dataSource(), SQLDialect.POSTGRES), Clock.systemUTC());
        EpcisImporter.Report r = importer.importFile(file, new EpcisImporter.Options(false, false, "partner", 3), (p, d, t) -> { },
                () -> false);

        assertThat(r.imported()).isZero();
        assertThat(r.failures()).extracting(Object::toString).containsExactly("event #4: action: 'LOOK' is not ADD, OBSERVE or DELETE");
        assertThat(importer.batchesRetried()).as("events written one by one for a document that imports nothing").isZero();
        assertThat(db.fetchCount(UNIT, UNIT.SERIAL.eq("SUP-1"))).isZero();
    }

    @Test
    void eventsNeedingAProductLotOrPartnerASupervisorMayNotAddAreLeftOutBeforeTheirBatchIsWritten() throws Exception {
        Warehouse w = new Warehouse();
        DSLContext db = w.db;
        Path file = dir.resolve("new-master-data.jsonld");
        Files.writeString(file, document(newMasterData()));
        int products = db.fetchCount(PRODUCT);
        int lots = db.fetchCount(LOT);
        int parties = db.fetchCount(PARTY);

        EpcisImporter.Report dry = new EpcisImporter(DSL.using(w.supervisor.dataSource(), SQLDialect.POSTGRES), Clock.systemUTC())
                .importFile(file, new EpcisImporter.Options(true, false, "partner", 100), (p, d, t) -> { }, () -> false);
        EpcisImporter importer = new EpcisImporter(DSL.using(w.supervisor.dataSource(), SQLDialect.POSTGRES), Clock.systemUTC());
        EpcisImporter.Report r = importer.importFile(file, new EpcisImporter.Options(false, false, "partner", 100), (p, d, t) -> { },
                () -> false);

        assertThat(importer.batchesRetried()).as("no batch is refused by the database and written again in parts").isZero();
        assertThat(r.imported()).as(r.failures().toString()).isEqualTo(3);
        assertThat(r.failed()).isEqualTo(5);
        assertThat(r.failures()).as("in the document's order").extracting(EpcisImporter.Failure::index, EpcisImporter.Failure::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "epcList"), org.assertj.core.groups.Tuple.tuple(2L, "ilmd"),
                org.assertj.core.groups.Tuple.tuple(4L, "sourceList"), org.assertj.core.groups.Tuple.tuple(6L, "epcList"),
                org.assertj.core.groups.Tuple.tuple(7L, "epcList"));
        assertThat(r.failures()).filteredOn(f -> f.index() == 1).singleElement().extracting(EpcisImporter.Failure::message)
                .isEqualTo("it names GTIN 00614141000098, a product the database does not have yet, and you may not add products."
                        + " Ask an administrator to import the document, or to add it first");
        assertThat(r.failures()).filteredOn(f -> f.index() == 2).singleElement().extracting(EpcisImporter.Failure::message)
                .asString().startsWith("its ILMD names lot LOT-NEW of GTIN 00614141000012, which the database does not have yet");
        assertThat(r.failures()).filteredOn(f -> f.index() == 4).singleElement().extracting(EpcisImporter.Failure::message)
                .asString().startsWith("its source urn:epc:id:sgln:0614141.99999.0 is a trading partner the database does not have yet");

        assertThat(db.select(UNIT.SERIAL).from(UNIT).orderBy(UNIT.SERIAL).fetch(UNIT.SERIAL))
                .as("no unit of a left-out event, not even one it names beside the new product's")
                .containsExactly("LOT-OLD-1", "SUP-1");
        assertThat(db.select(LOT.LOT_CODE).from(UNIT).join(LOT).on(LOT.ID.eq(UNIT.LOT_ID)).where(UNIT.SERIAL.eq("LOT-OLD-1"))
                .fetchOne(LOT.LOT_CODE)).isEqualTo("LOT-7");
        assertThat(db.fetchCount(PRODUCT)).isEqualTo(products);
        assertThat(db.fetchCount(LOT)).isEqualTo(lots);
        assertThat(db.fetchCount(PARTY)).isEqualTo(parties);
        assertThat(db.selectFrom(CUSTODY_EVENT).fetch(CUSTODY_EVENT.DESTINATION_PARTY_ID)).as("the event to the known partner")
                .contains(w.fixture.maker);

        assertThat(dry.imported()).as("a dry run says what the import leaves out").isEqualTo(r.imported());
        assertThat(dry.failures()).isEqualTo(r.failures());
    }

    @Test
    void anAdministratorImportsTheSameDocumentWithItsNewProductLotAndPartner() throws Exception {
        Warehouse w = new Warehouse();
        Path file = dir.resolve("new-master-data.jsonld");
        Files.writeString(file, document(newMasterData()));

        EpcisImporter.Report r = new EpcisImporter(w.db, Clock.systemUTC())
                .importFile(file, new EpcisImporter.Options(false, false, "partner", 100), (p, d, t) -> { }, () -> false);

        assertThat(r.imported()).as(r.failures().toString()).isEqualTo(8);
        assertThat(w.db.fetchCount(UNIT)).isEqualTo(6);
        assertThat(w.db.fetchCount(LOT, LOT.LOT_CODE.eq("LOT-NEW"))).isEqualTo(1);
    }

    /**
     * #0 the vial commissioned; #1 a new GTIN; #2 a known product's unit with a new lot; #3 one with a
     * known lot; #4 from a new partner; #5 to a known one; #6 a known product's new unit beside a new
     * GTIN's; #7 again the unit of #1.
     */
    private static String[] newMasterData() {
        String at = ",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/D1\"}";
        String add = ",\"bizStep\":\"commissioning\",\"disposition\":\"active\"" + at;
        return new String[] {
                event("ObjectEvent", "2026-03-01T08:00:00.000Z", "ADD", ",\"epcList\":[\"" + VIAL + "\"]" + add),
                event("ObjectEvent", "2026-03-01T08:01:00.000Z", "ADD", ",\"epcList\":[\"urn:epc:id:sgtin:0614141.000009.NEW-1\"]" + add),
                event("ObjectEvent", "2026-03-01T08:02:00.000Z", "ADD", ",\"epcList\":[\"urn:epc:id:sgtin:0614141.000001.LOT-NEW-1\"]"
                        + add + ",\"ilmd\":{\"cbvmda:lotNumber\":\"LOT-NEW\"}"),
                event("ObjectEvent", "2026-03-01T08:03:00.000Z", "ADD", ",\"epcList\":[\"urn:epc:id:sgtin:0614141.000001.LOT-OLD-1\"]"
                        + add + ",\"ilmd\":{\"cbvmda:lotNumber\":\"LOT-7\"}"),
                event("ObjectEvent", "2026-03-01T08:04:00.000Z", "OBSERVE", ",\"epcList\":[\"" + VIAL + "\"]" + at
                        + ",\"sourceList\":[{\"type\":\"owning_party\",\"source\":\"urn:epc:id:sgln:0614141.99999.0\"}]"),
                event("ObjectEvent", "2026-03-01T08:05:00.000Z", "OBSERVE", ",\"epcList\":[\"" + VIAL + "\"]" + at
                        + ",\"destinationList\":[{\"type\":\"owning_party\",\"destination\":\"urn:epc:id:sgln:0614141.00001.0\"}]"),
                event("ObjectEvent", "2026-03-01T08:06:00.000Z", "ADD",
                        ",\"epcList\":[\"urn:epc:id:sgtin:0614141.000001.BOTH-1\",\"urn:epc:id:sgtin:0614141.000009.BOTH-2\"]" + add),
                event("ObjectEvent", "2026-03-01T08:07:00.000Z", "OBSERVE", ",\"epcList\":[\"urn:epc:id:sgtin:0614141.000009.NEW-1\"]" + at)};
    }

    /** The vial commissioned at NL/D1, received at BE/D1 (a site the supervisor is not granted), stored at NL/F1; then {@code more}. */
    private static String[] visits(String... more) {
        List<String> events = new ArrayList<>(List.of(
                event("ObjectEvent", "2026-03-01T08:00:00.000Z", "ADD", ",\"epcList\":[\"" + VIAL + "\"],\"bizStep\":\"commissioning\","
                        + "\"disposition\":\"active\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/D1\"}"),
                event("ObjectEvent", "2026-03-01T09:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + VIAL + "\"],\"bizStep\":\"receiving\","
                        + "\"disposition\":\"in_progress\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:BE/D1\"}"),
                event("ObjectEvent", "2026-03-01T10:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + VIAL + "\"],\"bizStep\":\"storing\","
                        + "\"disposition\":\"sellable_accessible\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/F1\"}")));
        events.addAll(List.of(more));
        return events.toArray(String[]::new);
    }

    /** Site NL (dock NL/D1, fridge NL/F1) and site BE (dock BE/D1); a supervisor granted NL only. */
    private static final class Warehouse {
        final DSLContext db;
        final ExchangeFixture fixture;
        final TestPeople.TestPerson supervisor;

        Warehouse() {
            DataSource owner = TestDatabase.fresh();
            db = DSL.using(owner, SQLDialect.POSTGRES);
            fixture = new ExchangeFixture(db);
            long venlo = db.select(SITE.ID).from(SITE).where(SITE.CODE.eq("NL")).fetchOne(SITE.ID);
            long brussels = db.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE)
                    .values("BE", "Brussels", fixture.customer, "Europe/Brussels").returning(SITE.ID).fetchOne().getId();
            db.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                    .values(brussels, LocationKind.dock, "D1", "BE/D1").execute();
            supervisor = TestPeople.add(owner, "Sup", GroupRole.SUPERVISOR);
            db.execute("select set_person_sites(?, false, array[?]::bigint[])", supervisor.login(), venlo);
        }
    }
}
