package dev.serialtrace.reports;

import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.reports.definitions.ReportCatalogue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static dev.serialtrace.reports.ReportsTest.squash;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report 7 on issue 8's verifier: intact history says so; history changed around the triggers (as a
 * superuser can, with {@code session_replication_role = replica}) shows the break, read from the PDF.
 */
class IntegrityReportTest {

    @Test
    void intactHistorySaysNoBreakAndATamperedEventIsListedAsAltered() throws Exception {
        DataSource owner = TestDatabase.fresh();
        ReportFixture fx = new ReportFixture(owner);
        ReportService service = new ReportService(DSL.using(owner, SQLDialect.POSTGRES),
                Clock.fixed(Instant.parse("2026-04-02T09:30:00Z"), ReportsTest.ZONE));
        String unit = fx.internalId(fx.insulinUnit);
        String other = fx.internalId(fx.secondInsulinUnit);

        String intact = text(service, Map.of("units", unit + "\n" + other));
        assertThat(intact).contains(squash("Scope 2 listed units"), squash("Units 2"))
                .contains(squash("No break found: every custody event checked still hashes to its stored link."))
                .contains(squash("INTACT: no break found"))
                .doesNotContain("altered");

        long victim = fx.insulinEvents.get(1);
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute("update custody_event set actor = 'someone else' where id = " + victim);
        }

        String broken = text(service, Map.of("units", unit + "\n" + other));
        assertThat(broken).doesNotContain(squash("No break found"))
                .contains(squash("altered " + unit + " #" + victim))
                .contains(squash("BROKEN: 1 break (1 altered)"))
                .contains(squash("Units with a break 1"));

        // every unit: the anchors are checked too, and the same break is found
        String all = text(service, Map.of());
        assertThat(all).contains(squash("Scope all units")).contains(squash("altered " + unit + " #" + victim));
    }

    @Test
    void aDeletedEventIsListedAsDeleted() throws SQLException, IOException {
        DataSource owner = TestDatabase.fresh();
        ReportFixture fx = new ReportFixture(owner);
        ReportService service = new ReportService(DSL.using(owner, SQLDialect.POSTGRES),
                Clock.fixed(Instant.parse("2026-04-02T09:30:00Z"), ReportsTest.ZONE));
        long victim = fx.insulinEvents.get(1);
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute("delete from custody_event where id = " + victim);
        }
        String unit = fx.internalId(fx.insulinUnit);
        assertThat(text(service, Map.of("units", unit))).contains(squash("deleted " + unit + " #" + victim))
                .contains(squash("BROKEN: 1 break (1 deleted)"));
    }

    private static String text(ReportService service, Map<String, String> args) throws IOException {
        Map<String, String> a = new java.util.HashMap<>(args);
        a.put(ReportArguments.AS_OF, ReportsTest.AS_OF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.write(ReportCatalogue.standard().require("integrity"), ReportArguments.of(a), ReportFormat.PDF, out,
                ReportService.Options.of("compliance.officer", ReportsTest.ZONE));
        Files.createDirectories(ReportsTest.OUT);
        Files.write(ReportsTest.OUT.resolve("integrity.pdf"), out.toByteArray());
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            return squash(new PDFTextStripper().getText(doc));
        }
    }
}
