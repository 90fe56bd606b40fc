package dev.serialtrace.reports.definitions;

import dev.serialtrace.db.kpi.KpiFilter;
import dev.serialtrace.db.kpi.KpiFormat;
import dev.serialtrace.db.kpi.KpiKind;
import dev.serialtrace.db.kpi.KpiQuery;
import dev.serialtrace.db.kpi.KpiValue;
import dev.serialtrace.db.kpi.TrafficLight;
import dev.serialtrace.reports.BarChart;
import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportContext;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportInputException;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportRow.Section;
import dev.serialtrace.reports.RowSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Report 4: every KPI for a period against its target (issue 6's {@link KpiQuery}), with the
 * previous period of the same length beside it and a chart of the ratio KPIs against their targets.
 * KPIs come from the aggregates kept by the database; the as-of moment does not bound them (the
 * aggregates are not kept per recording time), so the id changes if late events change a KPI.
 */
public final class KpiSummaryReport implements ReportDefinition {
    public static final String NAME = "kpi-summary";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "KPI summary";
    }

    @Override
    public String description() {
        return "Capture and quality KPIs for a period against their targets, with the previous period and a chart";
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
        filter(a);
    }

    static KpiFilter filter(ReportArguments a) {
        try {
            return new KpiFilter(a.date("from"), a.date("to"), null, a.text("category"));
        } catch (IllegalArgumentException e) {
            throw new ReportInputException(e.getMessage());
        }
    }

    @Override
    public void produce(ReportContext ctx, ReportArguments args, RowSink sink) {
        KpiFilter filter = filter(args);
        KpiQuery query = new KpiQuery(ctx.dsl());
        List<KpiValue> now = query.compute(filter);
        List<KpiValue> before = query.compute(filter.previous());
        Section s = Section.of("kpis", "KPIs " + filter.from() + " to " + filter.to()
                        + (filter.category() == null ? "" : ", category " + filter.category()),
                "KPI", "Value", "Target", "State", "Numerator", "Denominator", "Previous period", "Definition");
        List<BarChart.Bar> bars = new ArrayList<>();
        int red = 0;
        for (int i = 0; i < now.size(); i++) {
            KpiValue v = now.get(i);
            KpiValue p = before.get(i);
            if (v.state() == TrafficLight.RED) {
                red++;
            }
            sink.add(s.flaggedRow(v.state() == TrafficLight.RED, v.name(), v.formattedValue(), v.formattedTarget(),
                    v.state().name(), String.format(Locale.ROOT, "%,d %s", v.numerator(), v.numeratorLabel()),
                    String.format(Locale.ROOT, "%,d %s", v.denominator(), v.denominatorLabel()), p.formattedValue(),
                    v.definition()));
            if (v.kind() == KpiKind.RATIO && v.value() != null) {
                bars.add(new BarChart.Bar(v.name(), v.value(), v.hasTarget() ? v.target() : Double.NaN, color(v.state())));
            }
        }
        sink.add(s.total(now.size() + " KPIs", "", "", red + " red", "", "", "", ""));
        Section chart = Section.of("chart", "Ratio KPIs against their targets");
        if (bars.isEmpty()) {
            sink.add(chart.text("No ratio KPI has data in this period."));
        } else {
            sink.add(chart.chart(BarChart.draw("Value (bar) and target (|), " + filter.from() + " to " + filter.to(), bars, 1.0, true),
                    "chart of " + bars.size() + " ratio KPIs"));
        }
        Section notes = Section.of("notes", "How to read");
        sink.add(notes.text("Values for ratios are numerator ÷ denominator; durations are medians. State compares the value "
                + "with the target (" + KpiFormat.percent(0.995) + " means at least that share); KPIs without a target are "
                + "watched as a trend against the previous period of the same length."));
    }

    private static java.awt.Color color(TrafficLight light) {
        return switch (light) {
            case GREEN -> BarChart.GREEN;
            case AMBER -> BarChart.AMBER;
            case RED -> BarChart.RED;
            default -> BarChart.NEUTRAL;
        };
    }
}
