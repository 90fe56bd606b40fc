package dev.serialtrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.UnitFixture;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.serialtrace.cli.DbInfoCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

class EpcisCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private String url;

    @BeforeEach
    void warehouse() {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        url = ds.getURL();
        new UnitFixture(DSL.using(ds, SQLDialect.POSTGRES));
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
    void importExportAndReconcileFromTheCommandLine() throws Exception {
        Path doc = dir.resolve("in.jsonld");
        Files.writeString(doc, """
                {"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-01-01T00:00:00Z","epcisBody":{"eventList":[
                 {"type":"ObjectEvent","eventTime":"2026-01-02T10:00:00+01:00","eventTimeZoneOffset":"+01:00","action":"ADD",
                  "bizStep":"commissioning","disposition":"active","epcList":["urn:epc:id:sgtin:9506000.013435.SN-77"],
                  "ilmd":{"cbvmda:lotNumber":"L9"}},
                 {"type":"ObjectEvent","eventTime":"2026-01-03T10:00:00+01:00","eventTimeZoneOffset":"+01:00","action":"OBSERVE",
                  "bizStep":"receiving","disposition":"in_progress","epcList":["urn:epc:id:sgtin:9506000.013435.SN-77"]}
                ]}}""");
        var dry = db("epcis", "import", doc.toString(), "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("DRY RUN").contains("2 would be imported");

        var imported = db("epcis", "import", doc.toString(), "--json");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        JsonNode report = JSON.readTree(imported.out());
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("status").asText()).isEqualTo("success");

        var again = db("epcis", "import", doc.toString(), "--json");
        assertThat(JSON.readTree(again.out()).get("alreadyImported").asInt()).isEqualTo(2);

        Path out = dir.resolve("out.xml");
        var export = db("epcis", "export", "--unit", "SN-77", "--format", "xml", "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("2 events written");
        assertThat(Files.readString(out)).contains("urn:epc:id:sgtin:9506000.013435.SN-77").contains("cbvmda:lotNumber");

        Path list = dir.resolve("maker.csv");
        Files.writeString(list, "gtin,serial,lot\n" + UnitFixture.TV_GTIN + ",SN-77,L9\n" + UnitFixture.TV_GTIN + ",SN-78,L9\n");
        var reconcile = db("reconcile", list.toString(), "--json");
        assertThat(reconcile.exitCode()).as(reconcile.err()).isEqualTo(5);
        JsonNode r = JSON.readTree(reconcile.out());
        assertThat(r.at("/counts/never_received").asInt()).isEqualTo(1);
        assertThat(r.at("/counts/lot_mismatch").asInt()).isZero();
    }

    @Test
    void anImportInANewJvmNeedsTheLauncherAndSaysSo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(EpcisBench.launcher() == null, "this JVM was started by a launcher");
        var r = db("bench", "epcis", "--skip-export", "--events", "10", "--import-in-new-jvm");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("run the bench through ./serialtrace or the installed serialtrace");
    }

    @Test
    void aBrokenDocumentIsRefusedWithWhereAndExitCode2() throws Exception {
        Path doc = dir.resolve("broken.jsonld");
        Files.writeString(doc, "{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[{\"type\":\"ObjectEvent\",");
        var r = db("epcis", "import", doc.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("broken.jsonld").contains("line 1");
        var bad = db("epcis", "import", dir.resolve("missing.xml").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("cannot read");
    }
}
