package dev.serialtrace.cli;

import dev.serialtrace.db.jooq.enums.BizStep;
import dev.serialtrace.db.jooq.enums.CaptureMethod;
import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.UnitFixture;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import static dev.serialtrace.cli.DbInfoCommandTest.run;
import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {
    @TempDir Path dir;
    private String url;
    private String unit;

    @BeforeEach
    void warehouse() {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        url = ds.getURL();
        DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
        UnitFixture data = new UnitFixture(dsl);
        long id = data.unit(data.tv, "SN-REPORT-1", null);
        unit = data.internalId(id);
        dsl.insertInto(CUSTODY_EVENT).set(CUSTODY_EVENT.UNIT_ID, id).set(CUSTODY_EVENT.OCCURRED_AT, OffsetDateTime.parse("2026-01-05T10:00:00Z"))
                .set(CUSTODY_EVENT.RECORDED_AT, OffsetDateTime.parse("2026-01-05T10:00:05Z"))
                .set(CUSTODY_EVENT.OCCURRED_ZONE, "UTC").set(CUSTODY_EVENT.BIZ_STEP, BizStep.receiving)
                .set(CUSTODY_EVENT.DISPOSITION, Disposition.in_progress).set(CUSTODY_EVENT.CAPTURE_METHOD, CaptureMethod.scan).execute();
    }

    private DbInfoCommandTest.Run report(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--db-url";
        all[args.length + 1] = url;
        all[args.length + 2] = "--db-user";
        all[args.length + 3] = "postgres";
        return run(all);
    }

    @Test
    void listsTheReportsWithTheirParameters() {
        var r = run("report", "--list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("chain-of-custody", "--units", "spot-audit", "--audit", "recall", "--lot",
                "temperature", "firearms-record", "--from", "integrity", "formats: pdf, xlsx, csv");
    }

    @Test
    void writesEachFormatAndTheSameAsOfGivesTheSameId() throws Exception {
        Path units = Files.writeString(dir.resolve("units.txt"), unit + "\n");
        String id = null;
        for (String format : new String[]{"pdf", "xlsx", "csv"}) {
            Path out = dir.resolve("custody." + format);
            var r = report("report", "chain-of-custody", "--units-file", units.toString(), "--as-of", "2026-02-01T00:00:00Z",
                    "--format", format, "--out", out.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(out).exists();
            String reported = r.out().replaceAll("(?s).*report id (ST-[0-9A-F-]+).*", "$1");
            if (id != null) {
                assertThat(reported).isEqualTo(id);
            }
            id = reported;
        }
        assertThat(Files.readAllBytes(dir.resolve("custody.pdf"))).startsWith("%PDF".getBytes());
        assertThat(Files.readString(dir.resolve("custody.csv"))).contains("SN-REPORT-1", "receiving", "Report id," + id);
    }

    @Test
    void badParametersExitWith2AndWriteNothing() {
        Path out = dir.resolve("x.pdf");
        var unknown = report("report", "chain-of-custody", "--unitz", unit, "--out", out.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("has no parameter --unitz", "--units");
        var missing = report("report", "recall", "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("choose exactly one scope");
        var noUnit = report("report", "chain-of-custody", "--units", "NOPE-1", "--out", out.toString());
        assertThat(noUnit.exitCode()).isEqualTo(2);
        assertThat(noUnit.err()).contains("'NOPE-1' names no unit", "nothing was written");
        assertThat(out).doesNotExist();
    }
}
