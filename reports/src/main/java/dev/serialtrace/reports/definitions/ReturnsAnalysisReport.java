package dev.serialtrace.reports.definitions;

import dev.serialtrace.db.kpi.KpiFilter;
import dev.serialtrace.db.kpi.ReturnRate;
import dev.serialtrace.db.kpi.ReturnsAnalysisQuery;
import dev.serialtrace.db.kpi.ReturnsAnalysisQuery.Dimension;
import dev.serialtrace.db.kpi.SerialRange;
import dev.serialtrace.reports.BarChart;
import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportContext;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportRow.Section;
import dev.serialtrace.reports.RowSink;

import java.util.List;
import java.util.Locale;

import static dev.serialtrace.reports.definitions.Texts.NONE;

/**
 * Report 5: returns analysis for a period by lot, product, customer and reason, and runs of
 * returned serials (serial ranges), from issue 6's {@link ReturnsAnalysisQuery}: returned ÷ shipped
 * with a 95 % confidence interval, outliers in red, and a chart of the worst lots.
 */
public final class ReturnsAnalysisReport implements ReportDefinition {
    public static final String NAME = "returns-analysis";
    static final int ROWS_PER_DIMENSION = 40;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Returns analysis";
    }

    @Override
    public String description() {
        return "Return rates by lot, product, customer and reason, serial ranges, outliers, with a chart of the worst lots";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(
                ReportParameter.required("from", "From", ReportParameter.Type.DATE, "first day of the period (UTC)"),
                ReportParameter.required("to", "To", ReportParameter.Type.DATE, "last day of the period (UTC, inclusive)"),
                ReportParameter.optional("category", "Category", ReportParameter.Type.TEXT, "a product category (empty: all)"));
    }

    @Override
    public void validate(ReportArguments a) {
        ReportDefinition.super.validate(a);
        KpiSummaryReport.filter(a);
    }

    @Override
    public void produce(ReportContext ctx, ReportArguments args, RowSink sink) {
        KpiFilter filter = KpiSummaryReport.filter(args);
        ReturnsAnalysisQuery query = new ReturnsAnalysisQuery(ctx.dsl());
        List<ReturnRate> worst = query.worstLots(filter, 12);
        Section chart = Section.of("chart", "Worst lots (by lower bound of the return rate)");
        if (worst.isEmpty()) {
            sink.add(chart.text("No lot was shipped in this period."));
        } else {
            double max = worst.stream().mapToDouble(r -> r.rate() == null ? 0 : r.rate()).max().orElse(1);
            sink.add(chart.chart(BarChart.draw("Return rate of the worst lots, " + filter.from() + " to " + filter.to(),
                    worst.stream().map(r -> new BarChart.Bar(r.label(), r.rate() == null ? 0 : r.rate(), Double.NaN,
                            r.outlier() ? BarChart.RED : BarChart.NEUTRAL)).toList(), Math.max(max * 1.1, 0.01), true),
                    "chart of the " + worst.size() + " worst lots"));
        }
        for (Dimension d : Dimension.values()) {
            List<ReturnRate> rates = query.by(d, filter);
            String name = d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT);
            Section s = Section.of("by-" + d.name(), "By " + name.toLowerCase(Locale.ROOT) + " (" + rates.size() + ")",
                    name, "Shipped", "Returned", "Rate", "95 % interval", "z", "Outlier");
            if (rates.isEmpty()) {
                sink.add(s.text("No shipments or returns in this period."));
            }
            long shipped = 0;
            long returned = 0;
            for (int i = 0; i < rates.size(); i++) {
                ReturnRate r = rates.get(i);
                shipped += r.shipped();
                returned += r.returned();
                if (i < ROWS_PER_DIMENSION) {
                    sink.add(s.flaggedRow(r.outlier(), r.label(), String.valueOf(r.shipped()), String.valueOf(r.returned()),
                            rate(r.rate()), d == Dimension.REASON ? NONE : rate(r.ciLow()) + " – " + rate(r.ciHigh()),
                            d == Dimension.REASON ? NONE : String.format(Locale.ROOT, "%.1f", r.zScore()), r.outlier() ? "OUTLIER" : ""));
                }
            }
            if (rates.size() > ROWS_PER_DIMENSION) {
                sink.add(s.text((rates.size() - ROWS_PER_DIMENSION) + " more with lower rates not listed (CSV/XLSX of the "
                        + "dashboard drill-down has them all)."));
            }
            sink.add(s.total("All", d == Dimension.REASON ? NONE : String.valueOf(shipped), String.valueOf(returned),
                    "", "", "", ""));
        }
        List<SerialRange> ranges = query.serialRanges(filter, 50, 3);
        Section sr = Section.ofB("ranges", "Serial ranges with clustered returns (" + ranges.size() + ")",
                "Product", "First serial", "Last serial", "Returned", "Rate (95 % interval)");
        if (ranges.isEmpty()) {
            sink.add(sr.text("No cluster of at least 3 returned serials within 50 numbers of each other."));
        }
        for (SerialRange r : ranges) {
            sink.add(sr.rowB(r.product(), r.firstSerial(), r.lastSerial(), String.valueOf(r.rate().returned()),
                    rate(r.rate().rate()) + " (" + rate(r.rate().ciLow()) + " – " + rate(r.rate().ciHigh()) + ")"));
        }
    }

    private static String rate(Double r) {
        return r == null ? NONE : String.format(Locale.ROOT, "%.2f %%", r * 100);
    }
}
