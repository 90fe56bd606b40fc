package dev.serialtrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialtrace.db.kpi.KpiFixture;
import dev.serialtrace.db.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static dev.serialtrace.cli.DbInfoCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** `serialtrace kpi` on the hand-built KPI fixture (answers worked out in the db module's KpiQueryTest). */
class KpiCommandTest {
    private static String url;

    @BeforeAll
    static void warehouse() {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        url = ds.getURL();
        new KpiFixture(ds);
    }

    private static DbInfoCommandTest.Run kpi(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "kpi";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--db-url";
        all[args.length + 2] = url;
        all[args.length + 3] = "--db-user";
        all[args.length + 4] = "postgres";
        return run(all);
    }

    @Test
    void jsonHasEveryKpiWithNumeratorAndDenominator() throws Exception {
        var r = kpi("--from", "2026-03-01", "--to", "2026-03-31", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertThat(all.size()).isEqualTo(15);   // DOMAIN.md §7, with lookup time, report time and report success
        JsonNode lookup = all.get(12);
        assertThat(lookup.get("code").asText()).isEqualTo("LOOKUP_TIME");
        assertThat(lookup.get("unit").asText()).isEqualTo("microseconds");
        assertThat(lookup.get("denominator").asLong()).isZero();   // no lookups recorded in March
        assertThat(all.get(6).get("code").asText()).isEqualTo("QUERY_RESOLUTION");
        assertThat(all.get(6).get("denominator").asLong()).isEqualTo(2);
        JsonNode capture = all.get(0);
        assertThat(capture.get("code").asText()).isEqualTo("CAPTURE_AT_RECEIVING");
        assertThat(capture.get("numerator").asLong()).isEqualTo(4);
        assertThat(capture.get("denominator").asLong()).isEqualTo(5);
        assertThat(capture.get("target").asDouble()).isEqualTo(1.0);
        assertThat(capture.get("state").asText()).isEqualTo("RED");
    }

    @Test
    void textListsEachKpiAndASiteFilterNarrowsIt() {
        var r = kpi("--from", "2026-03-01", "--to", "2026-03-31", "--site", "S2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("site S2")
                .containsPattern("Serial capture at receiving\\s+100 %\\s+100 %\\s+GREEN\\s+1 captured at receipt / 1 units received")
                .contains("Warranty claim processing");
        var all = kpi("--from", "2026-03-01", "--to", "2026-03-31");
        assertThat(all.out()).containsPattern("Scan vs manual\\s+87.5 %\\s+> 95 %\\s+RED\\s+7 scanned / 8 captures")
                .contains("median of 3 claims decided, p90 3 d 0 h");
    }

    @Test
    void unknownSiteAndReversedPeriodAreClearErrors() {
        var r = kpi("--from", "2026-03-01", "--to", "2026-03-31", "--site", "XX");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown site 'XX'").contains("S1, S2");
        var reversed = kpi("--from", "2026-03-31", "--to", "2026-03-01");
        assertThat(reversed.exitCode()).isEqualTo(2);
        assertThat(reversed.err()).contains("before --from");
    }
}
