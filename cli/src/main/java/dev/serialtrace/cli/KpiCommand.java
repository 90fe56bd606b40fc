package dev.serialtrace.cli;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.kpi.KpiFilter;
import dev.serialtrace.db.kpi.KpiFormat;
import dev.serialtrace.db.kpi.KpiKind;
import dev.serialtrace.db.kpi.KpiQuery;
import dev.serialtrace.db.kpi.KpiValue;
import org.jooq.DSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.serialtrace.db.jooq.Tables.SITE;

@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = "Every KPI of the period with its numerator, denominator, target and state.%n"
                + "Days are UTC dates; both ends are included.")
final class KpiCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "DATE", description = "first day, e.g. 2026-01-01")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "last day, e.g. 2026-12-31")
    LocalDate to;

    @Option(names = "--site", paramLabel = "S", description = "only this site (code, e.g. US1)")
    String site;

    @Option(names = "--category", paramLabel = "C", description = "only this product category")
    String category;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (to.isBefore(from)) {
            throw new ParameterException(spec.commandLine(), "--to (" + to + ") is before --from (" + from + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = connection.open(spec.commandLine().getErr())) {
            DSLContext dsl = db.dsl();
            Long siteId = null;
            if (site != null) {
                siteId = dsl.select(SITE.ID).from(SITE).where(SITE.CODE.equalIgnoreCase(site)).fetchOne(SITE.ID);
                if (siteId == null) {
                    List<String> known = dsl.select(SITE.CODE).from(SITE).orderBy(SITE.CODE).fetch(SITE.CODE);
                    throw new ParameterException(spec.commandLine(), "unknown site '" + site + "'; sites: " + String.join(", ", known));
                }
            }
            List<KpiValue> values = new KpiQuery(dsl).compute(new KpiFilter(from, to, siteId, category));
            if (json) {
                out.println(Json.write(toJson(values)));
            } else {
                print(out, values);
            }
        }
        return 0;
    }

    private void print(PrintWriter out, List<KpiValue> values) {
        out.printf("KPIs %s … %s%s%s%n%n", from, to, site == null ? "" : ", site " + site,
                category == null ? "" : ", category " + category);
        out.printf("%-31s %12s %10s %-8s  %s%n", "KPI", "value", "target", "state", "numerator / denominator");
        for (KpiValue v : values) {
            String value = v.formattedValue();
            String counts = v.kind() == KpiKind.MEDIAN_MINUTES || v.kind() == KpiKind.MEDIAN_MICROS
                    ? String.format("median of %,d %s%s", v.denominator(), v.denominatorLabel(),
                            v.p90() == null ? "" : ", p90 " + KpiFormat.duration(v.kind(), v.p90()))
                    : v.numeratorLabel().equals(v.denominatorLabel()) ? String.format("%,d %s", v.numerator(), v.numeratorLabel())
                    : String.format("%,d %s / %,d %s", v.numerator(), v.numeratorLabel(), v.denominator(), v.denominatorLabel());
            out.printf("%-31s %12s %10s %-8s  %s%n", v.name(), value, v.formattedTarget(), v.state(), counts);
        }
    }

    private static List<Map<String, Object>> toJson(List<KpiValue> values) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (KpiValue v : values) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", v.code());
            m.put("name", v.name());
            m.put("numerator", v.numerator());
            m.put("numeratorLabel", v.numeratorLabel());
            m.put("denominator", v.denominator());
            m.put("denominatorLabel", v.denominatorLabel());
            m.put("value", v.value());
            m.put("unit", v.kind() == KpiKind.RATIO ? "ratio" : v.kind() == KpiKind.MEDIAN_MINUTES ? "minutes"
                    : v.kind() == KpiKind.MEDIAN_MICROS ? "microseconds" : "count");
            m.put("p90", v.p90());
            m.put("target", v.hasTarget() ? v.target() : null);
            m.put("state", v.state().name());
            m.put("definition", v.definition());
            out.add(m);
        }
        return out;
    }
}
