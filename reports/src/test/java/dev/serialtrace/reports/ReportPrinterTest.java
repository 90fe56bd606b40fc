package dev.serialtrace.reports;

import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.reports.definitions.ReportCatalogue;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.print.PrinterJob;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real report printed to a PostScript print service (what the print dialog hands over is a print service too). */
class ReportPrinterTest {
    static ReportService service;
    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @BeforeAll
    static void data() {
        var ds = TestDatabase.fresh();
        ReportFixture fx = new ReportFixture(ds);
        long maker = fx.dsl.select(dev.serialtrace.db.jooq.Tables.UNIT.MANUFACTURER_ID).from(dev.serialtrace.db.jooq.Tables.UNIT)
                .where(dev.serialtrace.db.jooq.Tables.UNIT.ID.eq(fx.insulinUnit)).fetchOne().value1();
        for (int i = 0; i < 100; i++) {   // 102 units in lot L7734: three pages of recall
            fx.unit(fx.insulin, maker, String.format("PRN%04d", i), "00300021234568", fx.lot);
        }
        service = new ReportService(DSL.using(ds, SQLDialect.POSTGRES), Clock.fixed(Instant.parse("2026-04-02T09:30:00Z"), ZONE));
    }

    private static ReportService.Filled recall() {
        return service.fill(ReportCatalogue.standard().require("recall"),
                ReportArguments.of(Map.of("lot", "L7734", ReportArguments.AS_OF, "2026-04-01T00:00:00Z")),
                ReportService.Options.of("compliance.officer", ZONE), true);
    }

    @Test
    void everyPageReachesThePrintServiceInOrderWithProgress() throws Exception {
        ByteArrayOutputStream postScript = new ByteArrayOutputStream();
        List<String> progress = new ArrayList<>();
        try (ReportService.Filled filled = recall()) {
            assertThat(filled.pages()).isEqualTo(3);
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(ReportPrinter.postScript(postScript));
            ReportPrinter.print(filled, job, null, (page, pages) -> progress.add(page + "/" + pages), () -> false);
        }
        String ps = postScript.toString(StandardCharsets.ISO_8859_1);
        assertThat(ps).startsWith("%!PS");
        List<String> pageComments = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^%%Page: (\\d+) (\\d+)$").matcher(ps);
        while (m.find()) {
            pageComments.add(m.group(1));
        }
        assertThat(pageComments).containsExactly("1", "2", "3");
        assertThat(progress).containsExactly("1/3", "2/3", "3/3");
        // each page carries drawing, not an empty sheet: landscape A4 pages with the report's text as glyph outlines
        for (String page : ps.split("(?m)^%%Page: ")) {
            if (!page.startsWith("%!PS")) {
                assertThat(page.length()).as("page %s", page.substring(0, 4)).isGreaterThan(10_000);
            }
        }
    }

    @Test
    void aCancelStopsBetweenPagesAndSaysSo() throws Exception {
        try (ReportService.Filled filled = recall()) {
            PrinterJob job = PrinterJob.getPrinterJob();
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            job.setPrintService(ReportPrinter.postScript(sink));
            List<Integer> printed = new ArrayList<>();
            assertThatThrownBy(() -> ReportPrinter.print(filled, job, null, (page, pages) -> printed.add(page), () -> !printed.isEmpty()))
                    .isInstanceOf(ReportCancelledException.class);
            assertThat(printed).containsExactly(1);
        }
    }
}
