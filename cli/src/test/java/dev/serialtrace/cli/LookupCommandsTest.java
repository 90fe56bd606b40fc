package dev.serialtrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.UnitFixture;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.LocalDate;

import static dev.serialtrace.cli.DbInfoCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

class LookupCommandsTest {
    private static final String GS = "\u001D";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String url;
    private String tvInternalId;

    @BeforeEach
    void warehouse() {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        url = ds.getURL();
        UnitFixture data = new UnitFixture(DSL.using(ds, SQLDialect.POSTGRES));
        long lot = data.lot(data.tv, "AB12", LocalDate.of(2027, 12, 31));
        tvInternalId = data.internalId(data.unit(data.tv, "TV-8K-2025-X4M9", lot));
        data.unit(data.tv, "SN0001", null);
        data.unit(data.pump, "SN0001", null);
    }

    private DbInfoCommandTest.Run db(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--db-url";
        all[args.length + 1] = url;
        all[args.length + 2] = "--db-user";
        all[args.length + 3] = "postgres";
        return run(all);
    }

    @Test
    void parseJsonHasExactlyTheDocumentedKeys() throws Exception {
        var r = run("parse", "]d201" + UnitFixture.TV_GTIN + "17271231" + "10AB12" + GS + "21SN9", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly(
                "ok", "kind", "symbology", "ais", "gtin", "serial", "lot", "expiry", "error", "position");
        assertThat(j.get("kind").asText()).isEqualTo("gs1");
        assertThat(j.get("symbology").asText()).isEqualTo("]d2");
        assertThat(j.get("ais").toString()).isEqualTo("[[\"01\",\"09506000134352\"],[\"17\",\"271231\"],[\"10\",\"AB12\"],[\"21\",\"SN9\"]]");
        assertThat(j.get("expiry").asText()).isEqualTo("2027-12-31");
        assertThat(j.get("error").isNull()).isTrue();
    }

    @Test
    void parseErrorGivesMessagePositionAndExitCode2() throws Exception {
        var r = run("parse", "]d20109506000134353", "--json");
        assertThat(r.exitCode()).isEqualTo(2);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("ok").asBoolean()).isFalse();
        assertThat(j.get("position").asInt()).isEqualTo(18);
        var human = run("parse", "]d20109506000134353");
        assertThat(human.out()).contains("error:").contains("at position 18").contains("\n  " + " ".repeat(18) + "^");
    }

    @Test
    void parseAcceptsASubstituteFnc1() {
        var r = run("parse", "--fnc1", "~", "01" + UnitFixture.TV_GTIN + "10AB12~21SN9");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("lot        AB12").contains("serial     SN9");
    }

    @Test
    void lookupOfAScanWithGsCharactersFindsTheUnit() throws Exception {
        var r = db("lookup", "]d201" + UnitFixture.TV_GTIN + "10AB12" + GS + "21TV-8K-2025-X4M9", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("matchedBy").asText()).isEqualTo("gtin+serial");
        assertThat(j.get("units").get(0).get("internalId").asText()).isEqualTo(tvInternalId);
        assertThat(j.get("units").get(0).get("lot").asText()).isEqualTo("AB12");

        var human = db("lookup", tvInternalId);
        assertThat(human.exitCode()).isZero();
        assertThat(human.out()).contains(tvInternalId).contains("TV-8K-2025-X4M9").contains("found by internal-id");
    }

    @Test
    void lookupSurfacesADuplicateSerial() {
        var r = db("lookup", "sn-0001");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("DUPLICATE SERIAL: 2 units").contains("Acme").contains("Bolt Industries");
    }

    @Test
    void lookupNotFoundExits3WithDidYouMean() throws Exception {
        var r = db("lookup", "TV-8K-2025-X4N9-", "--json");
        assertThat(r.exitCode()).isEqualTo(3);
        var human = db("lookup", "TV8K2O25X4M9");
        assertThat(human.exitCode()).isEqualTo(3);
        assertThat(human.out()).contains("did you mean:").contains("TV-8K-2025-X4M9").contains("0 read as O at position 6");
        JsonNode j = JSON.readTree(db("lookup", "TV8K2025X4M", "--json").out());
        assertThat(j.get("found").asBoolean()).isFalse();
        assertThat(j.get("didYouMean").get(0).get("kind").asText()).isEqualTo("missing");
    }

    @Test
    void lookupOfBadInputExits2() {
        var r = db("lookup", "]d2010950600013435321X");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).contains("bad input").contains("check digit");
    }

    @Test
    void searchRanksAndLimits() throws Exception {
        var r = db("search", "0001", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j).extracting(h -> h.get("match").asText()).containsExactly("suffix", "suffix", "contains");
        assertThat(j.get(2).get("field").asText()).isEqualTo("internal-id");
        assertThat(db("search", "SN", "--limit", "1").out().lines().count()).isEqualTo(1);
    }

    @Test
    void newCommandsHaveHelp() {
        for (String[] cmd : new String[][] {{"parse", "--help"}, {"lookup", "--help"}, {"search", "--help"},
                {"bench", "lookup", "--help"}}) {
            assertThat(run(cmd).exitCode()).as(String.join(" ", cmd)).isZero();
        }
    }

    @Test
    void benchReportsEveryPathOnAHandBuiltDatabase() throws Exception {
        var r = db("bench", "lookup", "--units", "3", "--queries", "20", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("holds 3 units, not");
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("units").asLong()).isEqualTo(3);
        assertThat(j.get("paths")).extracting(p -> p.get("path").asText()).contains("internal-id", "serial",
                "gs1 element string", "digital link", "sgtin", "did-you-mean", "search");
    }
}
