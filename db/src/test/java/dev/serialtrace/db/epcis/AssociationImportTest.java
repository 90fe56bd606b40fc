package dev.serialtrace.db.epcis;

import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.TimelineEntry;
import dev.serialtrace.db.unit.UnitTimelineQuery;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.*;
import static dev.serialtrace.db.epcis.JsonLdDocuments.document;
import static dev.serialtrace.db.epcis.JsonLdDocuments.event;
import static org.assertj.core.api.Assertions.assertThat;

/** AssociationEvents (an asset attached to units) become custody events the unit's timeline shows. */
class AssociationImportTest {
    private static final String UNIT = "urn:epc:id:sgtin:9999999.000001.AS-1";
    private static final String ASSET = "urn:epc:id:giai:4000001.12345";

    @TempDir
    Path dir;

    @Test
    void anAssetAttachedAndTakenOffShowsInTheUnitsTimelineAndKeepsItsStatus() throws Exception {
        DSLContext db = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        String doc = document(
                event("ObjectEvent", "2026-03-01T08:00:00.000Z", "ADD", ",\"epcList\":[\"" + UNIT + "\"],\"bizStep\":\"commissioning\","
                        + "\"disposition\":\"active\""),
                event("AssociationEvent", "2026-03-01T09:00:00.000Z", "ADD", ",\"parentID\":\"" + ASSET + "\",\"childEPCs\":[\""
                        + UNIT + "\"],\"bizStep\":\"assembling\""),
                event("AssociationEvent", "2026-03-02T09:00:00.000Z", "DELETE", ",\"parentID\":\"" + ASSET + "\",\"childEPCs\":[\""
                        + UNIT + "\"]"));
        Path file = dir.resolve("association.jsonld");
        Files.writeString(file, doc);

        EpcisImporter.Report r = new EpcisImporter(db, Clock.systemUTC()).importFile(file, EpcisImporter.Options.defaults("p"),
                (p, d, t) -> { }, () -> false);

        assertThat(r.failed()).as(r.failures().toString()).isZero();
        assertThat(r.custodyEvents()).isEqualTo(3);
        long unitId = db.select(dev.serialtrace.db.jooq.Tables.UNIT.ID).from(dev.serialtrace.db.jooq.Tables.UNIT)
                .where(dev.serialtrace.db.jooq.Tables.UNIT.SERIAL.eq("AS-1")).fetchOne(dev.serialtrace.db.jooq.Tables.UNIT.ID);
        List<TimelineEntry> timeline = new UnitTimelineQuery(db).fetch(unitId);
        assertThat(timeline).extracting(TimelineEntry::device).containsExactlyInAnyOrder(null,
                "associated with " + ASSET, "dissociated from " + ASSET);
        assertThat(timeline).filteredOn(e -> e.device() != null && e.device().startsWith("associated"))
                .extracting(TimelineEntry::bizStep).as("CBV assembling, not packing: an asset is not a case")
                .containsExactly("installing");
        // an association does not make the unit's status unknown: it keeps "active" from its commissioning
        assertThat(db.select(dev.serialtrace.db.jooq.Tables.UNIT.STATUS).from(dev.serialtrace.db.jooq.Tables.UNIT)
                .where(dev.serialtrace.db.jooq.Tables.UNIT.ID.eq(unitId)).fetchOne(dev.serialtrace.db.jooq.Tables.UNIT.STATUS))
                .isEqualTo(Disposition.active);
        assertThat(db.fetchCount(EPCIS_EVENT, EPCIS_EVENT.EVENT_TYPE.eq("AssociationEvent"))).isEqualTo(2);
        assertThat(new ChainVerifier(db).verifyAll((d, t) -> { }).intact()).isTrue();
    }
}
