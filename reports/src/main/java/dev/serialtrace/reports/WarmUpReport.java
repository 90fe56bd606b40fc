package dev.serialtrace.reports;

import java.util.List;

/**
 * A made-up report of about 120 pages in a real template, reading no data: every row kind the shared
 * row model has, with cells as long as real ones. Filling and exporting it loads the classes, fonts
 * and compiled code a person's first report would otherwise wait for.
 */
final class WarmUpReport implements ReportDefinition {
    /** About 120 pages: enough for the hot code to be compiled (measured at 10M in docs/benchmarks.md). */
    private static final int TABLE_ROWS = 3000;
    private final String template;

    WarmUpReport(String template) {
        this.template = template;
    }

    @Override
    public String name() {
        return "warm-up";
    }

    @Override
    public String title() {
        return "Warm-up";
    }

    @Override
    public String description() {
        return "Not a report: prepares the report engine.";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of();
    }

    @Override
    public String template() {
        return template;
    }

    @Override
    public void produce(ReportContext context, ReportArguments arguments, RowSink sink) {
        ReportRow.Section summary = ReportRow.Section.of("summary", "Summary");
        for (int i = 0; i < 8; i++) {
            sink.add(summary.kv("Label " + i, "Value 0123456789 " + i));
        }
        sink.add(summary.text("A paragraph of text that wraps over more than one line of the page, as statements and notes do in"
                + " real reports; it makes the layout measure and break lines the way it will for them."));
        sink.add(summary.gap());
        ReportRow.Section table = ReportRow.Section.of("rows", "Rows", "Time", "Step", "Disposition", "Location", "Zone",
                "From", "To", "Document", "Actor", "Method");
        ReportRow.Section other = ReportRow.Section.ofB("other", "Other rows", "Serial", "Product", "Lot", "Status", "Customer");
        for (int i = 0; i < TABLE_ROWS; i++) {
            if (i % 40 == 0) {
                sink.add(table.bar("Unit U-" + (100000 + i) + " · GTIN 00614141123452 · serial SN" + i));
            }
            sink.add(table.flaggedRow(i % 17 == 0, "2026-01-0" + (1 + i % 9) + " 10:" + (10 + i % 50) + ":00 +01:00",
                    "shipping", "in_transit", "WH-A-" + i % 30, "Europe/Berlin", "Party " + i % 7, "Customer " + i % 11,
                    "INV-" + (40000 + i), "user" + i % 5, i % 2 == 0 ? "scan" : "manual"));
            if (i % 3 == 0) {
                sink.add(other.rowB("SN" + (900000 + i), "Product " + i % 13, "L" + i % 23, "shipped", "Customer " + i % 11));
            }
        }
        sink.add(table.total("Total", "", "", "", "", "", "", "", "", String.valueOf(TABLE_ROWS)));
    }
}
