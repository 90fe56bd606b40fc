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

import static dev.serialtrace.db.epcis.JsonLdDocuments.document;
import static dev.serialtrace.db.epcis.JsonLdDocuments.event;
import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
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
        DataSource owner = TestDatabase.fresh();
        DSLContext db = DSL.using(owner, SQLDialect.POSTGRES);
        ExchangeFixture f = new ExchangeFixture(db);   // site NL with NL/D1 and NL/F1
        long venlo = db.select(SITE.ID).from(SITE).where(SITE.CODE.eq("NL")).fetchOne(SITE.ID);
        long brussels = db.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE)
                .values("BE", "Brussels", f.customer, "Europe/Brussels").returning(SITE.ID).fetchOne().getId();
        db.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(brussels, LocationKind.dock, "D1", "BE/D1").execute();
        TestPeople.TestPerson sup = TestPeople.add(owner, "Sup", GroupRole.SUPERVISOR);
        db.execute("select set_person_sites(?, false, array[?]::bigint[])", sup.login(), venlo);

        Path file = dir.resolve("partner.jsonld");
        Files.writeString(file, document(
                event("ObjectEvent", "2026-03-01T08:00:00.000Z", "ADD", ",\"epcList\":[\"" + VIAL + "\"],\"bizStep\":\"commissioning\","
                        + "\"disposition\":\"active\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/D1\"}"),
                event("ObjectEvent", "2026-03-01T09:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + VIAL + "\"],\"bizStep\":\"receiving\","
                        + "\"disposition\":\"in_progress\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:BE/D1\"}"),
                event("ObjectEvent", "2026-03-01T10:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + VIAL + "\"],\"bizStep\":\"storing\","
                        + "\"disposition\":\"sellable_accessible\",\"bizLocation\":{\"id\":\"urn:serialtrace:location:NL/F1\"}")));

        EpcisImporter.Report r = new EpcisImporter(DSL.using(sup.dataSource(), SQLDialect.POSTGRES), Clock.systemUTC())
                .importFile(file, EpcisImporter.Options.defaults("partner"), (p, d, t) -> { }, () -> false);

        assertThat(r.imported()).as(r.failures().toString()).isEqualTo(2);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.index()).isEqualTo(1);
            assertThat(failure.message()).contains("a site you are not granted");
        });
        var events = db.select(CUSTODY_EVENT.TO_LOCATION_ID, CUSTODY_EVENT.ACTOR).from(CUSTODY_EVENT).join(UNIT)
                .on(UNIT.ID.eq(CUSTODY_EVENT.UNIT_ID)).where(UNIT.SERIAL.eq("SUP-1")).orderBy(CUSTODY_EVENT.OCCURRED_AT).fetch();
        assertThat(events.getValues(CUSTODY_EVENT.TO_LOCATION_ID)).containsExactly(f.dock, f.fridge);
        assertThat(events.getValues(CUSTODY_EVENT.ACTOR)).containsOnly(sup.login());
        assertThat(db.select(UNIT.EVENT_COUNT).from(UNIT).where(UNIT.SERIAL.eq("SUP-1")).fetchOne(UNIT.EVENT_COUNT)).isEqualTo(2);
        assertThat(new ChainVerifier(db).verifyAll((done, total) -> { }).intact()).isTrue();
    }
}
