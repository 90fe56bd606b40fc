package dev.serialtrace.db.epcis;

import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static dev.serialtrace.db.epcis.JsonLdDocuments.document;
import static dev.serialtrace.db.epcis.JsonLdDocuments.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An imported event that states no disposition (EPCIS: "unchanged") keeps the unit's, so a routine read
 * neither makes a shipped unit "unknown" nor counts it as a loss; only a unit we know nothing of stays unknown.
 */
class ObserveWithoutDispositionTest {
    private static final String SHIPPED = "urn:epc:id:sgtin:9999999.000001.OB-1";
    private static final String STRANGER = "urn:epc:id:sgtin:9999999.000001.OB-2";

    @TempDir
    Path dir;

    @Test
    void anEventWithoutDispositionKeepsTheUnitsAndIsNoLoss() throws Exception {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        String doc = document(
                event("ObjectEvent", "2026-03-01T08:00:00.000Z", "ADD", ",\"epcList\":[\"" + SHIPPED + "\"],\"bizStep\":\"commissioning\""),
                event("ObjectEvent", "2026-03-01T09:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + SHIPPED + "\"],\"bizStep\":\"shipping\","
                        + "\"disposition\":\"in_transit\""),
                event("ObjectEvent", "2026-03-02T09:00:00.000Z", "OBSERVE", ",\"epcList\":[\"" + SHIPPED + "\",\"" + STRANGER
                        + "\"],\"bizStep\":\"inspecting\""));
        Path file = dir.resolve("observe.jsonld");
        Files.writeString(file, doc);

        EpcisImporter.Report r = new EpcisImporter(db, Clock.systemUTC()).importFile(file, EpcisImporter.Options.defaults("p"),
                (p, d, t) -> { }, () -> false);

        assertThat(r.failed()).as(r.failures().toString()).isZero();
        assertThat(dispositions(db, "OB-1")).as("commissioning without one is active; the read keeps in transit")
                .containsExactly(Disposition.active, Disposition.in_transit, Disposition.in_transit);
        assertThat(db.select(UNIT.STATUS).from(UNIT).where(UNIT.SERIAL.eq("OB-1")).fetchOne(UNIT.STATUS))
                .isEqualTo(Disposition.in_transit);
        assertThat(dispositions(db, "OB-2")).as("nothing to keep for a unit first seen here").containsExactly(Disposition.unknown);
        // the loss KPI (stolen or unknown dispositions) holds the stranger only
        assertThat(db.fetchValue("select count(*) from kpi_evidence where metric = 'loss'", Long.class)).isEqualTo(1L);
    }

    private static java.util.List<Disposition> dispositions(DSLContext db, String serial) {
        return db.select(CUSTODY_EVENT.DISPOSITION).from(CUSTODY_EVENT).join(UNIT).on(UNIT.ID.eq(CUSTODY_EVENT.UNIT_ID))
                .where(UNIT.SERIAL.eq(serial)).orderBy(CUSTODY_EVENT.OCCURRED_AT).fetch(CUSTODY_EVENT.DISPOSITION);
    }
}
