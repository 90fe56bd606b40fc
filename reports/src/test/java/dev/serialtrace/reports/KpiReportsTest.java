package dev.serialtrace.reports;

import dev.serialtrace.db.kpi.KpiFilter;
import dev.serialtrace.db.kpi.KpiFixture;
import dev.serialtrace.db.kpi.KpiQuery;
import dev.serialtrace.db.kpi.KpiValue;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.reports.definitions.ReportCatalogue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static dev.serialtrace.reports.ReportsTest.ZONE;
import static dev.serialtrace.reports.ReportsTest.squash;
import static org.assertj.core.api.Assertions.assertThat;

/** KPI summary and returns analysis on issue 6's hand-built KPI warehouse (known answers for March 2026). */
class KpiReportsTest {
    static KpiFixture fx;
    static ReportService service;

    @BeforeAll
    static void data() throws IOException {
        fx = new KpiFixture(TestDatabase.fresh());
        service = new ReportService(fx.dsl, Clock.fixed(Instant.parse("2026-04-02T09:30:00Z"), ZONE));
        Files.createDirectories(ReportsTest.OUT);
    }

    static String pdfText(String report, Map<String, String> args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.write(ReportCatalogue.standard().require(report), ReportArguments.of(args), ReportFormat.PDF, out,
                ReportService.Options.of("compliance.officer", ZONE));
        Files.write(ReportsTest.OUT.resolve(report + ".pdf"), out.toByteArray());
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void kpiSummaryPrintsEveryKpiWithValueTargetAndStateAndAChart() throws IOException {
        String t = squash(pdfText("kpi-summary", Map.of("from", "2026-03-01", "to", "2026-03-31")));
        var kpis = new KpiQuery(fx.dsl).compute(KpiFilter.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        assertThat(kpis).isNotEmpty();
        int last = -1;
        for (KpiValue v : kpis) {
            int at = t.indexOf(squash(v.name() + " " + v.formattedValue() + " " + v.formattedTarget() + " " + v.state().name()));
            assertThat(at).as(v.name()).isGreaterThan(last);
            last = at;
        }
        assertThat(t).contains(squash(kpis.size() + " KPIs")).contains(squash("Ratio KPIs against their targets"));
    }

    @Test
    void returnsAnalysisHasRatesByLotProductCustomerAndReason() throws IOException {
        String t = squash(pdfText("returns-analysis", Map.of("from", "2026-03-01", "to", "2026-03-31")));
        assertThat(t).contains(squash("LT-14 lot LA 2 2 100.00 %"))
                .contains(squash("LT-14 lot LB"))
                .contains(squash("LT-14 Laptop 14 3 2 66.67 %"))
                .contains(squash("Retail Europe BV 3 1 33.33 %"))
                .contains(squash("By lot (2)"), squash("By product (1)"), squash("By customer"), squash("By reason"))
                .contains(squash("Worst lots (by lower bound of the return rate)"));
    }
}
