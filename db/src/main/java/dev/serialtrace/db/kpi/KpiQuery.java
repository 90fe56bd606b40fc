package dev.serialtrace.db.kpi;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.serialtrace.db.jooq.Tables.KPI_DRILLDOWN;
import static dev.serialtrace.db.jooq.Tables.KPI_SERIES;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/**
 * Every KPI of DOMAIN.md §7 for a filter, their trends and the serials behind them. Reads only the
 * aggregates kept by the database (migration V30), so the cost depends on the period's days, not
 * on the size of the history.
 */
public final class KpiQuery {
    private final DSLContext dsl;

    public KpiQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every KPI, in {@link KpiCode} order. */
    public List<KpiValue> compute(KpiFilter filter) {
        Map<String, Long> metrics = new HashMap<>();
        for (var r : series(filter, "all")) {
            metrics.merge(r.getMetric(), r.getN() == null ? 0 : r.getN(), Long::sum);
        }
        List<KpiValue> out = new ArrayList<>();
        for (KpiCode code : KpiCode.values()) {
            out.add(value(code, metrics));
        }
        return out;
    }

    /** The sites a filter can choose, by code. */
    public List<SiteOption> sites() {
        var site = dev.serialtrace.db.jooq.Tables.SITE;
        return dsl.select(site.ID, site.CODE, site.NAME).from(site).orderBy(site.CODE)
                .fetch(r -> new SiteOption(r.value1(), r.value2(), r.value3()));
    }

    /** The product categories a filter can choose. */
    public List<String> categories() {
        return dsl.selectDistinct(PRODUCT.CATEGORY).from(PRODUCT).orderBy(PRODUCT.CATEGORY).fetch(PRODUCT.CATEGORY);
    }

    /** What the dashboard's tiles show: this period, the one before, and every KPI's trend (sparklines). */
    public KpiDashboard dashboard(KpiFilter filter) {
        // three independent reads on three pooled connections: the refresh waits for the slowest, not the sum
        var previous = java.util.concurrent.CompletableFuture.supplyAsync(() -> compute(filter.previous()), PARALLEL);
        var trends = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> trends(filter, KpiTrend.Bucket.forDays(filter.days())), PARALLEL);
        List<KpiValue> current = compute(filter);
        try {
            return new KpiDashboard(filter, current, previous.join(), trends.join(), java.time.OffsetDateTime.now());
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static final java.util.concurrent.ExecutorService PARALLEL = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kpi-query");
        t.setDaemon(true);
        return t;
    });

    /** One KPI's value from the metrics of one bucket. */
    static KpiValue value(KpiCode code, Map<String, Long> metrics) {
        long numerator = sum(metrics, code.numeratorMetrics());
        long denominator = sum(metrics, code.denominatorMetrics());
        Double value;
        Double p90 = null;
        switch (code.kind()) {
            case RATIO -> value = denominator == 0 ? null : (double) numerator / denominator;
            case MEDIAN_MINUTES, MEDIAN_MICROS -> {
                value = denominator == 0 ? null : (double) numerator;
                String p90Metric = code.numeratorMetrics()[0].replace("_p50", "_p90");
                p90 = denominator == 0 ? null : (double) metrics.getOrDefault(p90Metric, 0L);
            }
            default -> value = (double) numerator;
        }
        return new KpiValue(code.name(), code.title(), numerator, denominator, value, code.target(), code.judge(value),
                code.kind(), p90, code.numeratorLabel(), code.denominatorLabel(), code.definition());
    }

    private static long sum(Map<String, Long> metrics, String[] names) {
        long s = 0;
        for (String n : names) {
            s += metrics.getOrDefault(n, 0L);
        }
        return s;
    }

    /** Every KPI's value per bucket; buckets without data are present with a null value. */
    public Map<KpiCode, KpiTrend> trends(KpiFilter filter, KpiTrend.Bucket bucket) {
        Map<LocalDate, Map<String, Long>> byBucket = new TreeMap<>();
        for (LocalDate b = first(filter.from(), bucket); !b.isAfter(filter.to()); b = next(b, bucket)) {
            byBucket.put(b, new HashMap<>());
        }
        for (var r : series(filter, bucket.sql())) {
            byBucket.computeIfAbsent(r.getBucket(), k -> new HashMap<>())
                    .merge(r.getMetric(), r.getN() == null ? 0 : r.getN(), Long::sum);
        }
        Map<KpiCode, KpiTrend> out = new EnumMap<>(KpiCode.class);
        for (KpiCode code : KpiCode.values()) {
            List<KpiPoint> points = new ArrayList<>();
            byBucket.forEach((start, metrics) -> {
                KpiValue v = value(code, metrics);
                LocalDate end = next(start, bucket).minusDays(1);
                points.add(new KpiPoint(start.isBefore(filter.from()) ? filter.from() : start,
                        end.isAfter(filter.to()) ? filter.to() : end, v.numerator(), v.denominator(), v.value()));
            });
            out.put(code, new KpiTrend(code, bucket, points));
        }
        return out;
    }

    public KpiTrend trend(KpiCode code, KpiFilter filter, KpiTrend.Bucket bucket) {
        return trends(filter, bucket).get(code);
    }

    /** The serials and events behind a KPI (those that miss its target, or the cases a trend KPI counts), newest first. */
    public List<DrillRow> drillDown(KpiCode code, KpiFilter filter, int limit, int offset) {
        var d = KPI_DRILLDOWN.call(code.name(), filter.from(), filter.to(), filter.siteId(), filter.category(), limit, offset);
        Result<Record> rows = dsl.select(d.fields()).select(UNIT.INTERNAL_ID, UNIT.SERIAL, PRODUCT.SKU, PRODUCT.NAME)
                .from(d).join(UNIT).on(UNIT.ID.eq(d.UNIT_ID)).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .orderBy(d.OCCURRED_AT.desc(), d.UNIT_ID)
                .fetch();
        List<DrillRow> out = new ArrayList<>(rows.size());
        for (Record r : rows) {
            out.add(new DrillRow(r.get(d.UNIT_ID), r.get(UNIT.INTERNAL_ID), r.get(UNIT.SERIAL),
                    r.get(PRODUCT.SKU) + " " + r.get(PRODUCT.NAME), r.get(d.EVENT_ID), r.get(d.OCCURRED_AT),
                    r.get(d.WHAT), r.get(d.REFERENCE)));
        }
        return out;
    }

    private Result<dev.serialtrace.db.jooq.tables.records.KpiSeriesRecord> series(KpiFilter f, String bucket) {
        return dsl.selectFrom(KPI_SERIES.call(f.from(), f.to(), f.siteId(), f.category(), bucket)).fetch();
    }

    static LocalDate first(LocalDate from, KpiTrend.Bucket bucket) {
        return switch (bucket) {
            case DAY -> from;
            case WEEK -> from.minusDays(from.getDayOfWeek().getValue() - 1);   // ISO weeks start on Monday, like date_trunc
            case MONTH -> from.withDayOfMonth(1);
        };
    }

    static LocalDate next(LocalDate start, KpiTrend.Bucket bucket) {
        return switch (bucket) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
