package dev.serialtrace.db.unit;

import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.core.identify.SgtinUri;
import dev.serialtrace.core.identify.format.CheckScheme;
import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.core.unit.SerialVariants;
import dev.serialtrace.db.custody.CustodyCommands;
import dev.serialtrace.db.custody.NewCustodyEvent;
import dev.serialtrace.db.jooq.Routines;
import dev.serialtrace.db.jooq.enums.LocationKind;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;

class UnitLookupTest {
    private static final String GS = "\u001D";

    private UnitFixture data;
    private UnitLookup lookup;
    private long tvUnit;

    @BeforeEach
    void warehouse() {
        DSLContext dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        data = new UnitFixture(dsl);
        lookup = new UnitLookup(dsl, new ParserOptions('~', LocalDate.of(2026, 1, 1)));
        long lot = data.lot(data.tv, "AB12", LocalDate.of(2027, 12, 31));
        tvUnit = data.unit(data.tv, "TV-8K-2025-X4M9", lot);
        long site = dsl.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE)
                .values("NL", "Venlo", data.acme, "Europe/Amsterdam").returning(SITE.ID).fetchOne().getId();
        long shelf = dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(site, LocationKind.shelf, "B4", "NL/B4").returning(LOCATION.ID).fetchOne().getId();
        new CustodyCommands(dsl).record(new NewCustodyEvent(tvUnit, OffsetDateTime.of(2026, 5, 4, 8, 0, 0, 0, ZoneOffset.UTC),
                "UTC", BizStep.storing, Disposition.sellable_accessible, null, shelf, null, null, null, List.of(),
                new NewCustodyEvent.Capture(NewCustodyEvent.Capture.Method.scan, "x", null, null), null));
    }

    @Test
    void everyIdentifierFormLandsOnTheSameUnit() {
        String serial = "TV-8K-2025-X4M9";
        String sgtin = SgtinUri.of(UnitFixture.TV_GTIN, 7, serial).uri();
        List<String> forms = List.of(
                data.internalId(tvUnit),
                data.internalId(tvUnit).toLowerCase().replaceFirst("^(.{4})", "$1-"),
                serial, "tv8k2025x4m9", "TV 8K 2025 X4M9",
                "]d201" + UnitFixture.TV_GTIN + "21" + serial + GS + "10AB12",
                GS + "01" + UnitFixture.TV_GTIN + "10AB12" + GS + "21" + serial + "\r\n",
                "01" + UnitFixture.TV_GTIN + "10AB12~21" + serial,
                "(01)" + UnitFixture.TV_GTIN + "(17)271231(21)" + serial,
                "https://id.example.com/01/" + UnitFixture.TV_GTIN + "/10/AB12/21/" + serial + "?17=271231",
                sgtin);
        for (String form : forms) {
            LookupResult r = lookup.lookup(form);
            assertThat(r).as(form).isInstanceOfSatisfying(LookupResult.Found.class, f -> {
                assertThat(f.units()).extracting(UnitSummary::unitId).containsExactly(tvUnit);
                assertThat(f.duplicateSerial()).isFalse();
            });
        }
        var viaGs1 = (LookupResult.Found) lookup.lookup("]d201" + UnitFixture.TV_GTIN + "21" + serial);
        assertThat(viaGs1.matchedBy()).isEqualTo(MatchPath.GTIN_SERIAL);
        assertThat(((LookupResult.Found) lookup.lookup(sgtin)).matchedBy()).isEqualTo(MatchPath.GTIN_SERIAL);
        assertThat(((LookupResult.Found) lookup.lookup(serial)).matchedBy()).isEqualTo(MatchPath.SERIAL);
        assertThat(((LookupResult.Found) lookup.lookup(data.internalId(tvUnit))).matchedBy()).isEqualTo(MatchPath.INTERNAL_ID);
    }

    @Test
    void theSummaryCarriesIdentityProductAndCurrentState() {
        UnitSummary u = ((LookupResult.Found) lookup.lookup("TV-8K-2025-X4M9")).units().get(0);
        assertThat(u.serial()).isEqualTo("TV-8K-2025-X4M9");
        assertThat(u.gtin()).isEqualTo(UnitFixture.TV_GTIN);
        assertThat(u.sgtinUri()).isEqualTo("urn:epc:id:sgtin:9506000.013435.TV-8K-2025-X4M9");
        assertThat(u.lotCode()).isEqualTo("AB12");
        assertThat(u.expiry()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(u.productSku()).isEqualTo("TV-65");
        assertThat(u.manufacturerName()).isEqualTo("Acme");
        assertThat(u.status()).isEqualTo("sellable_accessible");
        assertThat(u.lastBizStep()).isEqualTo("storing");
        assertThat(u.locationPath()).isEqualTo("NL/B4");
        assertThat(u.lastEventAt()).isNotNull();
    }

    @Test
    void theSameSerialFromTwoManufacturersIsSurfacedNotHidden() {
        long a = data.unit(data.tv, "SN0001", null);
        long b = data.unit(data.pump, "sn-0001", null);

        var found = (LookupResult.Found) lookup.lookup("SN0001");
        assertThat(found.duplicateSerial()).isTrue();
        assertThat(found.units()).extracting(UnitSummary::unitId).containsExactly(a, b);
        assertThat(found.units()).extracting(UnitSummary::manufacturerName).containsExactly("Acme", "Bolt Industries");

        var byGtin = (LookupResult.Found) lookup.lookup("(01)" + UnitFixture.PUMP_GTIN + "(21)SN0001");
        assertThat(byGtin.units()).extracting(UnitSummary::unitId).containsExactly(b);
    }

    @Test
    void hibcFindsTheUnitByLabelerProductAndSerial() {
        long cath = data.unit(data.hibcDevice, "SER123", null);
        String data = "+A123BJC5D6E71/$+SER123";
        var found = lookup.lookup(data + CheckScheme.HIBC_MOD43.compute(data));
        assertThat(found).isInstanceOfSatisfying(LookupResult.Found.class, f -> {
            assertThat(f.matchedBy()).isEqualTo(MatchPath.HIBC);
            assertThat(f.units()).extracting(UnitSummary::unitId).containsExactly(cath);
        });
    }

    @Test
    void anUnknownSerialGetsRankedGuessesWithTheReasonForEach() {
        data.unit(data.tv, "KT5008", null);
        data.unit(data.tv, "KT5080", null);
        data.unit(data.pump, "KT50008", null);
        data.unit(data.pump, "KT5O08X", null);
        data.unit(data.pump, "KT5O08AB", null);

        var r = (LookupResult.NotFound) lookup.lookup("KT5O08");
        assertThat(r.didYouMean()).extracting(s -> s.unit().serial(), Suggestion::kind, Suggestion::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("KT5008", "confusable", "0 read as O at position 4"),
                org.assertj.core.groups.Tuple.tuple("KT5O08X", "missing", "'X' missing at position 7"),
                org.assertj.core.groups.Tuple.tuple("KT5080", "transposition", "characters 5 and 6 swapped; 0 read as O at position 4"),
                org.assertj.core.groups.Tuple.tuple("KT50008", "missing", "'0' missing at position 6; 0 read as O at position 4"),
                org.assertj.core.groups.Tuple.tuple("KT5O08AB", "prefix", "serial starts with the capture (partial scan?)"));
    }

    @Test
    void eachKindOfSlipIsRecognised() {
        data.unit(data.tv, "AB1234", null);
        assertThat(onlyReason("A81234")).isEqualTo("B read as 8 at position 2");
        assertThat(onlyReason("AB1243")).isEqualTo("characters 5 and 6 swapped");
        assertThat(onlyReason("AB124")).isEqualTo("'3' missing at position 5");
        assertThat(onlyReason("AB12344")).contains("extra '4'");
        assertThat(onlyReason("AB-12X34")).isEqualTo("extra 'X' at position 5");
        assertThat(onlyReason("1234")).isEqualTo("serial ends with the capture (partial scan?)");
    }

    private String onlyReason(String input) {
        var r = (LookupResult.NotFound) lookup.lookup(input);
        assertThat(r.didYouMean()).as(input).hasSize(1);
        return r.didYouMean().get(0).reason();
    }

    @Test
    void badInputReportsTheParsersErrorAndPosition() {
        var bad = (LookupResult.BadInput) lookup.lookup("]d201" + UnitFixture.TV_GTIN.substring(0, 13) + "3" + "21X");
        assertThat(bad.message()).contains("check digit");
        assertThat(bad.position()).isEqualTo(18);
        assertThat(lookup.lookup("(01)" + UnitFixture.TV_GTIN)).isInstanceOfSatisfying(LookupResult.BadInput.class,
                b -> assertThat(b.message()).contains("without a serial"));
    }

    @Test
    void anIdShapedManufacturerSerialIsStillFound() {
        long odd = data.unit(data.pump, "UX1234567", null);
        assertThat(lookup.lookup("UX1234567")).isInstanceOfSatisfying(LookupResult.Found.class,
                f -> assertThat(f.units()).extracting(UnitSummary::unitId).containsExactly(odd));
    }

    @Test
    void databaseFoldingAgreesWithCore() {
        String s = "OILSBZ0123456789ACXY";
        String folded = data.dsl.select(Routines.foldConfusables(DSL.val(s))).fetchOne().value1();
        assertThat(folded).isEqualTo(SerialVariants.fold(s));
    }
}
