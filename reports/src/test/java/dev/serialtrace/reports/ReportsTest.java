package dev.serialtrace.reports;

import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.reports.definitions.ReportCatalogue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** Each report generated from hand-built data with known answers, read back from the PDF's text. */
class ReportsTest {
    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final String AS_OF = "2026-04-01T00:00:00Z";
    static ReportFixture fx;
    static ReportService service;
    static final ReportCatalogue CATALOGUE = ReportCatalogue.standard();
    /** PDFs are kept here so page 1 can be rendered and looked at (docs/screenshots/reports). */
    static final Path OUT = Path.of("target", "report-samples");

    @BeforeAll
    static void data() throws IOException {
        var ds = TestDatabase.fresh();
        fx = new ReportFixture(ds);
        service = new ReportService(DSL.using(ds, SQLDialect.POSTGRES),
                Clock.fixed(Instant.parse("2026-04-02T09:30:00Z"), ZONE));
        Files.createDirectories(OUT);
    }

    static Generated pdf(String report, Map<String, String> args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportService.Result r = service.write(CATALOGUE.require(report), ReportArguments.of(args), ReportFormat.PDF, out,
                ReportService.Options.of("compliance.officer", ZONE));
        Files.write(OUT.resolve(report + ".pdf"), out.toByteArray());
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(p);
                s.setEndPage(p);
                pages.add(s.getText(doc));
            }
            return new Generated(r, pages, String.join("\n", pages));
        }
    }

    /** The text with all white space removed: cells wrap at their own width, which is layout, not content. */
    record Generated(ReportService.Result result, List<String> pages, String text) {
        String squashed() {
            return squash(text);
        }
    }

    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    static String[] squash(String... s) {
        return java.util.Arrays.stream(s).map(ReportsTest::squash).toArray(String[]::new);
    }

    static Map<String, String> args(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        m.putIfAbsent(ReportArguments.AS_OF, AS_OF);
        return m;
    }

    @Test
    void chainOfCustodyListsEveryEventInOrderWithDscsaTransactionsAndStatement() throws IOException {
        String unit = fx.internalId(fx.insulinUnit);
        Generated g = pdf("chain-of-custody", args("units", unit));
        String t = g.squashed();
        // every event, in order of occurrence
        int last = -1;
        for (long id : fx.insulinEvents) {
            int at = t.indexOf("#" + id);
            assertThat(at).as("event #%d present", id).isGreaterThan(last);
            last = at;
        }
        assertThat(t).contains(squash("receiving", "storing", "picking", "shipping"))
                .contains(squash("2026-03-02 08:00:00 -06:00 America/Chicago"))          // T0 in the event's zone
                .contains(squash("US1/D1 → US1/C1"))
                .contains(squash("PharmaSource Inc. → Northwind Distribution"))
                .contains(squash("po PO-000101, desadv ASN-US1-000101"))
                .contains(squash("GTIN 00300028215018", "NDC 0002-8215-01", "Serial SN4471AX09", "Lot L7734", "Expiry 2027-09-30"))
                .contains(squash("4 events", "none flagged"));
        // DSCSA: two changes of ownership (purchase from the supplier, sale to the hospital) and the statement
        assertThat(t).contains(squash("DSCSA transaction information"))
                .contains(squash("200 Lab Way, Indianapolis IN 46225; licence DL-IN-5521"))
                .contains(squash("City Hospital Pharmacy"))
                .contains(squash("5 Health Plaza, Chicago IL 60601; licence PH-IL-0042"))
                .contains(squash("DSCSA transaction statement"))
                .contains(squash("did not knowingly alter the transaction history"));
        assertFrame(g, "Chain of custody");
    }

    @Test
    void theSameArgumentsAndDataGiveTheSameReportIdAndLaterHistoryStaysOut() throws IOException {
        String unit = fx.internalId(fx.secondInsulinUnit);
        Generated first = pdf("chain-of-custody", args("units", unit));
        Generated again = pdf("chain-of-custody", args("units", unit));
        assertThat(again.text().replace(again.result().reportId(), "ID")).isEqualTo(first.text().replace(first.result().reportId(), "ID"));
        assertThat(again.result().reportId()).isEqualTo(first.result().reportId());

        // an event recorded after the as-of moment does not change the as-of report...
        fx.event(fx.secondInsulinUnit, java.time.OffsetDateTime.parse("2026-05-01T10:00:00Z"),
                dev.serialtrace.db.jooq.enums.BizStep.picking, dev.serialtrace.db.jooq.enums.Disposition.in_progress,
                fx.cold, fx.dock, null, null, "[]");
        Generated later = pdf("chain-of-custody", args("units", unit));
        assertThat(later.result().reportId()).isEqualTo(first.result().reportId());
        assertThat(later.squashed()).contains(squash("2 events")).doesNotContain("2026-05-01");
        // ...and a later as-of includes it under another id
        Generated newer = pdf("chain-of-custody", args("units", unit, ReportArguments.AS_OF, "2026-06-01T00:00:00Z"));
        assertThat(newer.squashed()).contains(squash("3 events"));
        assertThat(newer.result().reportId()).isNotEqualTo(first.result().reportId());
    }

    @Test
    void spotAuditShowsCountsAccuracyDiscrepanciesAndSignatures() throws IOException {
        Generated g = pdf("spot-audit", args("audit", "AUD-US1-000001"));
        String t = g.squashed();
        assertThat(t).contains(squash("Expected 2", "Found 1", "Missing 1", "Unexpected 1", "Accuracy 50.00 % (found of expected)"))
                .contains(squash("Auditor mgarcia"))
                .contains(squash("missing", "recount", "found behind tray on recount"))
                .contains(squash("wrong_location", "RGR-0001234", "open"))
                .contains(squash("2 discrepancies", "1 open"));
        // signatures: printed name, meaning, date-time (in the site's zone), in signing order
        int performed = t.indexOf(squash("Maria Garcia (mgarcia) performed 2026-03-03 10:05:00 -06:00 America/Chicago"));
        int reviewed = t.indexOf(squash("Maria Garcia (mgarcia) reviewed 2026-03-03 10:01:00 -06:00 America/Chicago"));
        int approved = t.indexOf(squash("Jordan Lee (jlee) approved 2026-03-03 11:00:00 -06:00 America/Chicago"));
        assertThat(reviewed).isPositive();
        assertThat(performed).isGreaterThan(reviewed);
        assertThat(approved).isGreaterThan(performed);
        assertFrame(g, "Spot-audit report");
    }

    @Test
    void recallOfALotListsEveryUnitWithCustomerAndTotals() throws IOException {
        Generated g = pdf("recall", args("lot", "L7734"));
        String t = g.squashed();
        assertThat(t).contains(fx.internalId(fx.insulinUnit), "SN4471AX09", "in_transit", "CityHospitalPharmacy",
                        "5HealthPlaza,ChicagoIL60601", "OUT-US1-0000009")
                .contains(fx.internalId(fx.secondInsulinUnit), "SN4471AX10", "sellable_accessible", "US1/C1")
                .contains(squash("2 units"))
                .contains(squash("Totals by status")).contains(squash("in_transit 1 50.0 %")).contains(squash("sellable_accessible 1 50.0 %"))
                .contains(squash("Totals by customer")).contains(squash("City Hospital Pharmacy 1 50.0 %"))
                .contains(squash("(not shipped to a customer) 1 50.0 %")).contains(squash("All 2 100.0 %"));
        assertFrame(g, "Recall / trace-forward");
    }

    @Test
    void temperatureExposureCountsMinutesOutOfBand() throws IOException {
        Generated g = pdf("temperature", args("units", fx.internalId(fx.secondInsulinUnit)));
        String t = g.squashed();
        assertThat(t).contains(squash("Allowed band 2.00 °C to 8.00 °C"))
                .contains(squash("Worst reading 10.00 °C"))
                .contains(squash("9.50 OUT OF BAND")).contains(squash("10.00 OUT OF BAND")).contains(squash("5.00 yes"));
        Matcher m = Pattern.compile("Minutesoutofrange(\\d+)").matcher(t);
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(60);
        assertFrame(g, "Temperature exposure");
    }

    @Test
    void firearmsRecordHasTheAcquisitionAndDispositionFields() throws IOException {
        Generated g = pdf("firearms-record", args("from", "2026-02-01", "to", "2026-03-31"));
        String t = g.squashed();
        assertThat(t).contains(squash("2026-02-10 10:00:00 -06:00 America/Chicago"))
                .contains(squash("Ridge Arms Distributing; FFL 9-83-001-01-2F-12345"))
                .contains(squash("Ruger Works", "10/22 Carbine", "RGR-0001234", "rifle", ".22 LR"))
                .contains(squash("2026-03-05 09:00:00 -06:00 America/Chicago"))
                .contains(squash("Lakeside Outdoor Sports; FFL 3-41-137-01-3K-54321"))
                .contains(squash("1 firearms", "1 acquired in period", "1 disposed"));
        Generated none = pdf("firearms-record", args("from", "2025-01-01", "to", "2025-01-31"));
        assertThat(none.squashed()).contains(squash("No acquisition or disposition of ATF-tagged products in this period."));
    }

    @Test
    void csvAndXlsxCarryTheSameRowsAndId() throws IOException {
        var def = CATALOGUE.require("recall");
        var opts = ReportService.Options.of("compliance.officer", ZONE);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ReportService.Result c = service.write(def, ReportArguments.of(args("lot", "L7734")), ReportFormat.CSV, csv, opts);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Section,Unit,Serial,Lot (expiry),Status,Location or holder,Customer,Ship-to address,\"Shipment (shipped, America/Chicago)\"")
                .contains("Units in scope," + fx.internalId(fx.insulinUnit) + ",SN4471AX09,L7734 (2027-09-30),in_transit")
                .endsWith("Report id," + c.reportId() + "\r\n");
        Generated p = pdf("recall", args("lot", "L7734"));
        assertThat(c.reportId()).isEqualTo(p.result().reportId());

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        service.write(def, ReportArguments.of(args("lot", "L7734")), ReportFormat.XLSX, xlsx, opts);
        assertThat(xlsx.toByteArray()).startsWith(new byte[]{'P', 'K'});
    }

    @Test
    void badInputSaysWhatIsWrongAndWritesNothing(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path target = dir.resolve("out.pdf");
        var opts = ReportService.Options.of("x", ZONE);
        assertThatThrownBy(() -> service.generate(CATALOGUE.require("chain-of-custody"),
                ReportArguments.of(args("units", fx.internalId(fx.insulinUnit) + "\nNOPE-404")), ReportFormat.PDF, target, opts))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("'NOPE-404' names no unit");
        assertThatThrownBy(() -> service.generate(CATALOGUE.require("recall"), ReportArguments.of(args("product", "INS-10")),
                ReportFormat.PDF, target, opts))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("choose exactly one scope");
        assertThatThrownBy(() -> service.generate(CATALOGUE.require("firearms-record"),
                ReportArguments.of(args("from", "2026-13-01", "to", "2026-01-01")), ReportFormat.PDF, target, opts))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("yyyy-MM-dd");
        assertThatThrownBy(() -> service.generate(CATALOGUE.require("spot-audit"), ReportArguments.of(args("audit", "AUD-NONE")),
                ReportFormat.PDF, target, opts))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("no spot audit with code 'AUD-NONE'");
        assertThat(target).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void cancellingStopsTheFill() {
        var opts = ReportService.Options.of("x", ZONE).with(ReportService.Progress.NONE, () -> true);
        assertThatThrownBy(() -> service.write(CATALOGUE.require("recall"), ReportArguments.of(args("lot", "L7734")),
                ReportFormat.PDF, new ByteArrayOutputStream(), opts)).isInstanceOf(ReportCancelledException.class);
    }

    /** Every page: title, parameters, generated at/by, as-of, report id (the one returned), page x of y. */
    private static void assertFrame(Generated g, String title) {
        int n = g.pages().size();
        for (int i = 0; i < n; i++) {
            String page = g.pages().get(i);
            assertThat(squash(page)).contains(squash(title))
                    .contains(squash("Generated 2026-04-02 04:30:00 -05:00 (America/Chicago) by compliance.officer"))
                    .contains(squash("Data as of 2026-03-31 19:00:00 -05:00 (America/Chicago)"))
                    .contains(squash("Report id " + g.result().reportId()))
                    .contains(squash("Page " + (i + 1) + " of " + n));
        }
        assertThat(g.result().reportId()).matches("ST-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");
    }
}
