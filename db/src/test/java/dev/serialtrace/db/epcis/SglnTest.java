package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.serialtrace.db.jooq.enums.PartyKind;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Locations as SGLN EPC URIs: GS1's own examples as known answers, and export → import with either form. */
class SglnTest {
    @TempDir
    Path dir;

    @Test
    void gs1ExamplesGiveTheSameLocationInBothForms() {
        // GS1 Tag Data Standard: GLN 0614141123452 (company prefix 0614141), extension 400
        assertThat(EpcUris.location("0614141123452", (short) 7, "400", false)).isEqualTo("urn:epc:id:sgln:0614141.12345.400");
        assertThat(EpcUris.canonical("urn:epc:id:sgln:0614141.12345.400")).isEqualTo("https://id.gs1.org/414/0614141123452/254/400");
        // EPCIS 2.0 examples' read point
        assertThat(EpcUris.canonical("urn:epc:id:sgln:0614141.07346.1234")).isEqualTo("https://id.gs1.org/414/0614141073467/254/1234");
        assertThat(EpcUris.location("0614141073467", (short) 7, "1234", false)).isEqualTo("urn:epc:id:sgln:0614141.07346.1234");
        // the same GLN read with a 9-digit company prefix splits elsewhere
        assertThat(EpcUris.location("0614141073467", (short) 9, "1234", false)).isEqualTo("urn:epc:id:sgln:061414107.346.1234");
        assertThat(EpcUris.parseLocationPath("urn:epc:id:sgln:0614141.07346.1234")).isEqualTo("1234");
        assertThat(EpcUris.parseLocationPath("https://id.gs1.org/414/0614141073467/254/1234")).isEqualTo("1234");
    }

    @Test
    void pathsOutsideAGlnExtensionAndUnknownPrefixesStayDigitalLink() {
        // reserved characters are escaped in the EPC URI and come back whole
        String sgln = EpcUris.location("0614141000005", (short) 7, "NL/D1", false);
        assertThat(sgln).isEqualTo("urn:epc:id:sgln:0614141.00000.NL%2FD1");
        assertThat(EpcUris.parseLocationPath(sgln)).isEqualTo("NL/D1");
        assertThat(EpcUris.location("0614141000005", null, "NL/D1", false)).isEqualTo("https://id.gs1.org/414/0614141000005/254/NL%2FD1");
        assertThat(EpcUris.location("0614141000005", (short) 7, "NL/D1", true)).isEqualTo("https://id.gs1.org/414/0614141000005/254/NL%2FD1");
        assertThat(EpcUris.location("0614141000005", (short) 7, "NL/Aisle 3", false)).as("a space is not in GS1's set")
                .startsWith("https://id.gs1.org/414/");
        assertThat(EpcUris.location("0614141000005", (short) 7, "NL/" + "X".repeat(18), false)).as("over 20 characters")
                .startsWith("https://id.gs1.org/414/");
        assertThat(EpcUris.location(null, (short) 7, "NL/D1", false)).isEqualTo("urn:serialtrace:location:NL%2FD1");
    }

    @Test
    void anExportNamesLocationsBySglnWhenThePrefixIsKnownAndTheImportTakesThemBack() throws Exception {
        DSLContext a = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        new ExchangeFixture(a).history();
        a.update(PARTY).set(PARTY.GLN_COMPANY_PREFIX_LENGTH, (short) 7).where(PARTY.KIND.eq(PartyKind.own)).execute();
        Path file = dir.resolve("sgln.jsonld");
        try (var out = Files.newOutputStream(file)) {
            new EpcisExporter(a, Clock.systemUTC()).export(new EpcisExporter.Selection.Between(LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31)), new EpcisExporter.Options(EpcisDocumentWriter.Format.JSONLD, false, "p"), out, n -> { });
        }
        List<String> locations = new ArrayList<>();
        for (JsonNode e : EpcisEvents.MAPPER.readTree(file.toFile()).path("epcisBody").path("eventList")) {
            for (String f : new String[] {"readPoint", "bizLocation"}) {
                if (e.has(f)) {
                    locations.add(e.get(f).get("id").asText());
                }
            }
        }
        assertThat(locations).isNotEmpty().allMatch(id -> id.startsWith("urn:epc:id:sgln:0614141.00000.NL%2F"));
        assertThat(locations).contains("urn:epc:id:sgln:0614141.00000.NL%2FD1");

        DSLContext b = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        new ExchangeFixture(b); // prefix length unknown there: its own export would use Digital Link
        EpcisImporter.Report r = new EpcisImporter(b, Clock.systemUTC()).importFile(file, EpcisImporter.Options.defaults("p"),
                (p, d, t) -> { }, () -> false);
        assertThat(r.failed()).isZero();
        var located = a.select(CUSTODY_EVENT.OCCURRED_AT, LOCATION.PATH).from(CUSTODY_EVENT).join(LOCATION)
                .on(LOCATION.ID.eq(CUSTODY_EVENT.TO_LOCATION_ID)).orderBy(1, 2).fetch().map(Object::toString);
        var imported = b.select(CUSTODY_EVENT.OCCURRED_AT, LOCATION.PATH).from(CUSTODY_EVENT).join(LOCATION)
                .on(LOCATION.ID.eq(CUSTODY_EVENT.TO_LOCATION_ID)).orderBy(1, 2).fetch().map(Object::toString);
        assertThat(located).isNotEmpty();
        assertThat(imported).isEqualTo(located);
        assertThat(b.fetchCount(CUSTODY_EVENT, CUSTODY_EVENT.FROM_LOCATION_ID.isNotNull()))
                .isEqualTo(a.fetchCount(CUSTODY_EVENT, CUSTODY_EVENT.FROM_LOCATION_ID.isNotNull()));
    }
}
