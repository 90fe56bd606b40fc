package dev.serialtrace.db.kpi;

import dev.serialtrace.db.jooq.enums.CaptureMethod;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.serialtrace.db.jooq.Tables.KPI_CAPTURE_MIX;
import static dev.serialtrace.db.jooq.Tables.KPI_CAPTURE_MIX_MONTH;
import static dev.serialtrace.db.jooq.Tables.KPI_CHART_DRILLDOWN;
import static dev.serialtrace.db.jooq.Tables.KPI_CLAIM_TIME_HISTOGRAM;
import static dev.serialtrace.db.jooq.Tables.KPI_DAILY;
import static dev.serialtrace.db.jooq.Tables.KPI_LOSS_ZONE;
import static dev.serialtrace.db.jooq.Tables.KPI_LOSS_ZONE_DRILLDOWN;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SITE;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/**
 * The dashboard's operations charts and the serials behind their bars. Each reads an aggregate the
 * database keeps (migrations V30, V80) by day, so its cost depends on the period, not on the history:
 * theft and loss from {@code kpi_daily}, the capture-method mix from {@code kpi_capture_mix}, claim
 * times from {@code kpi_claim_fact}.
 */
public final class KpiChartsQuery {
    /** Lower bounds of the claim-time histogram's bins, in days; the last bin is open. */
    static final int[] CLAIM_BIN_DAYS = {0, 1, 2, 3, 5, 7, 10, 14, 21, 30};
    private static final int DAY_MINUTES = 1440;

    private final DSLContext dsl;
    private final KpiQuery kpi;

    public KpiChartsQuery(DSLContext dsl) {
        this.dsl = dsl;
        this.kpi = new KpiQuery(dsl);
    }

    /** The three charts, read in parallel on pooled connections: the refresh waits for the slowest, not the sum. */
    public KpiCharts charts(KpiFilter filter) {
        var losses = CompletableFuture.supplyAsync(() -> losses(filter), PARALLEL);
        var zones = losses.thenApplyAsync(l -> lossZones(filter), PARALLEL);   // after it: at most 3 connections
        var claims = CompletableFuture.supplyAsync(() -> claimTimes(filter), PARALLEL);
        List<CaptureMixCell> mix = captureMix(filter);
        try {
            return new KpiCharts(filter, losses.join(), zones.join(), mix, claims.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static final ExecutorService PARALLEL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kpi-charts");
        t.setDaemon(true);
        return t;
    });

    /** Units lost per site and bucket (day, week or month as the trend chart); every bucket, zeros included. */
    public List<LossBar> losses(KpiFilter f) {
        KpiTrend.Bucket bucket = KpiTrend.Bucket.forDays(f.days());
        Map<Long, Map<LocalDate, Long>> bySite = new TreeMap<>();
        dsl.select(KPI_DAILY.DAY, KPI_DAILY.SITE_ID, DSL.sum(KPI_DAILY.N))
                .from(KPI_DAILY)
                .where(KPI_DAILY.METRIC.eq("losses"), KPI_DAILY.DAY.between(f.from(), f.to()),
                        f.siteId() == null ? DSL.noCondition() : KPI_DAILY.SITE_ID.eq(f.siteId()),
                        f.category() == null ? DSL.noCondition() : KPI_DAILY.CATEGORY.eq(f.category()))
                .groupBy(KPI_DAILY.DAY, KPI_DAILY.SITE_ID)
                .forEach(r -> bySite.computeIfAbsent(r.value2(), k -> new HashMap<>())
                        .merge(KpiQuery.first(r.value1(), bucket), r.value3().longValue(), Long::sum));
        Map<Long, String> codes = new HashMap<>();
        dsl.select(SITE.ID, SITE.CODE).from(SITE).forEach(r -> codes.put(r.value1(), r.value2()));
        List<LossBar> out = new ArrayList<>();
        for (LocalDate b = KpiQuery.first(f.from(), bucket); !b.isAfter(f.to()); b = KpiQuery.next(b, bucket)) {
            LocalDate end = KpiQuery.next(b, bucket).minusDays(1);
            for (var site : bySite.entrySet()) {
                out.add(new LossBar(b.isBefore(f.from()) ? f.from() : b, end.isAfter(f.to()) ? f.to() : end,
                        site.getKey(), codes.getOrDefault(site.getKey(), "unknown site"),
                        site.getValue().getOrDefault(b, 0L)));
            }
        }
        return out;
    }

    /**
     * Units lost per zone of each site over the period (from {@code kpi_loss_zone}, migration V122), most
     * first; zones without losses are left out.
     */
    public List<LossZoneBar> lossZones(KpiFilter f) {
        Map<Long, String> codes = new HashMap<>();
        dsl.select(SITE.ID, SITE.CODE).from(SITE).forEach(r -> codes.put(r.value1(), r.value2()));
        Map<String, String> names = zoneNames();
        var units = DSL.sum(KPI_LOSS_ZONE.N);
        return dsl.select(KPI_LOSS_ZONE.SITE_ID, KPI_LOSS_ZONE.ZONE, units)
                .from(KPI_LOSS_ZONE)
                .where(KPI_LOSS_ZONE.DAY.between(f.from(), f.to()),
                        f.siteId() == null ? DSL.noCondition() : KPI_LOSS_ZONE.SITE_ID.eq(f.siteId()),
                        f.category() == null ? DSL.noCondition() : KPI_LOSS_ZONE.CATEGORY.eq(f.category()))
                .groupBy(KPI_LOSS_ZONE.SITE_ID, KPI_LOSS_ZONE.ZONE)
                .having(units.gt(java.math.BigDecimal.ZERO))
                .orderBy(units.desc(), KPI_LOSS_ZONE.SITE_ID, KPI_LOSS_ZONE.ZONE)
                .fetch(r -> {
                    String site = codes.getOrDefault(r.value1(), "unknown site");
                    String zone = r.value2();
                    return new LossZoneBar(r.value1(), site, zone,
                            zone.isEmpty() ? "no location" : names.getOrDefault(site + "/" + zone, zone), r.value3().longValue());
                });
    }

    /** "General storage": the name of each named location directly below a site, by path ("S1/A"). */
    private Map<String, String> zoneNames() {
        Map<String, String> out = new HashMap<>();
        dsl.select(LOCATION.PATH, LOCATION.NAME).from(LOCATION)
                .where(LOCATION.PATH.likeRegex("^[^/]+/[^/]+$"), LOCATION.NAME.isNotNull())
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /**
     * Captures per station, shift and method; stations by code ("no location" last), shifts in order. Whole
     * months come from the monthly roll-up; a partial month at either end of the period either from its days
     * in the period or, when fewer days lie outside it (a period ending today: the days after today, none),
     * as its month row less those days (see {@link MonthParts}).
     */
    public List<CaptureMixCell> captureMix(KpiFilter f) {
        Map<String, String> names = stationNames();
        var day = KPI_CAPTURE_MIX;
        var month = KPI_CAPTURE_MIX_MONTH;
        Condition dayFilter = DSL.and(f.siteId() == null ? DSL.noCondition() : day.SITE_ID.eq(f.siteId()),
                f.category() == null ? DSL.noCondition() : day.CATEGORY.eq(f.category()));
        Condition monthFilter = DSL.and(f.siteId() == null ? DSL.noCondition() : month.SITE_ID.eq(f.siteId()),
                f.category() == null ? DSL.noCondition() : month.CATEGORY.eq(f.category()));
        MonthParts parts = MonthParts.of(f.from(), f.to());
        List<Select<Record4<String, String, CaptureMethod, Long>>> reads = new ArrayList<>();
        // each range of months or days as an explicit range: a generic (prepared) plan reads only these
        reads.add(dsl.select(month.STATION, month.SHIFT, month.METHOD, month.N).from(month)
                .where(month.MONTH.ge(parts.firstMonth()), month.MONTH.lt(parts.pastMonth()), monthFilter));
        for (MonthParts.Days d : parts.days()) {
            Field<Long> n = d.subtract() ? day.N.neg() : day.N;
            reads.add(dsl.select(day.STATION, day.SHIFT, day.METHOD, n).from(day)
                    .where(day.DAY.ge(d.from()), day.DAY.le(d.to()), dayFilter));
        }
        Select<Record4<String, String, CaptureMethod, Long>> all = reads.get(0);
        for (int i = 1; i < reads.size(); i++) {
            all = all.unionAll(reads.get(i));
        }
        var rows = all.asTable("mix");
        var station = rows.field(day.STATION);
        var shift = rows.field(day.SHIFT);
        var method = rows.field(day.METHOD);
        var captures = DSL.sum(rows.field(day.N));
        List<CaptureMixCell> out = new ArrayList<>();
        dsl.select(station, shift, method, captures)
                .from(rows)
                .groupBy(station, shift, method)
                .having(captures.gt(java.math.BigDecimal.ZERO))   // a cell only in the days taken off is not in the period
                .forEach(r -> out.add(new CaptureMixCell(r.value1(),
                        r.value1().isEmpty() ? "no location" : names.getOrDefault(r.value1(), r.value1()),
                        Shift.of(r.value2()), r.value3().getLiteral(), r.value4().longValue())));
        out.sort(Comparator.comparing((CaptureMixCell c) -> c.station().isEmpty())
                .thenComparing(CaptureMixCell::station).thenComparing(CaptureMixCell::shift)
                .thenComparing(CaptureMixCell::method));
        return out;
    }

    /** "D1 Inbound dock 1": the code and name of each work area directly below a site (path "SITE/CODE"). */
    private Map<String, String> stationNames() {
        Map<String, String> out = new HashMap<>();
        var code = DSL.splitPart(LOCATION.PATH, DSL.inline("/"), DSL.inline(2));
        dsl.select(code, LOCATION.NAME).from(LOCATION).where(LOCATION.PATH.likeRegex("^[^/]+/[^/]+$"))
                .orderBy(LOCATION.ID)
                .forEach(r -> out.putIfAbsent(r.value1(), r.value2() == null ? r.value1() : r.value1() + " " + r.value2()));
        return out;
    }

    /** Claims decided in the period per processing-time bin; every bin, zeros included. */
    public List<ClaimTimeBin> claimTimes(KpiFilter f) {
        Integer[] edges = new Integer[CLAIM_BIN_DAYS.length];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = CLAIM_BIN_DAYS[i] * DAY_MINUTES;
        }
        Map<Integer, Long> counts = new HashMap<>();
        dsl.selectFrom(KPI_CLAIM_TIME_HISTOGRAM.call(f.from(), f.to(), f.siteId(), f.category(), edges))
                .forEach(r -> counts.merge(Math.max(1, r.getBin()), r.getClaims(), Long::sum));   // 0: decided before opened
        List<ClaimTimeBin> out = new ArrayList<>();
        for (int i = 0; i < CLAIM_BIN_DAYS.length; i++) {
            boolean last = i == CLAIM_BIN_DAYS.length - 1;
            String label = i == 0 ? "< " + CLAIM_BIN_DAYS[1] + " d"
                    : last ? "≥ " + CLAIM_BIN_DAYS[i] + " d" : CLAIM_BIN_DAYS[i] + "–" + CLAIM_BIN_DAYS[i + 1] + " d";
            out.add(new ClaimTimeBin(edges[i], last ? null : edges[i + 1], label, counts.getOrDefault(i + 1, 0L)));
        }
        return out;
    }

    /**
     * The serials behind a bar, newest first: the losses of that site and bucket, or of that site and zone;
     * the captures of that station, shift and method; the claims of that processing-time bin.
     */
    public List<DrillRow> drillDown(ChartPoint point, KpiFilter f, int limit, int offset) {
        if (point instanceof LossBar b) {
            return kpi.drillDown(KpiCode.THEFT_LOSS, new KpiFilter(b.from(), b.to(), b.siteId(), f.category()), limit, offset);
        }
        if (point instanceof LossZoneBar z) {
            return rows(KPI_LOSS_ZONE_DRILLDOWN.call(z.siteId(), z.zone(), f.from(), f.to(), f.category(), limit, offset));
        }
        if (point instanceof CaptureMixCell c) {
            return rows(KPI_CHART_DRILLDOWN.call("capture_mix", c.station(), c.shift().code(),
                    CaptureMethod.lookupLiteral(c.method()), null, null, f.from(), f.to(), f.siteId(), f.category(), limit, offset));
        }
        ClaimTimeBin b = (ClaimTimeBin) point;
        return rows(KPI_CHART_DRILLDOWN.call("claim_time", null, null, null, b.loMinutes(), b.hiMinutes(),
                f.from(), f.to(), f.siteId(), f.category(), limit, offset));
    }

    /** A drill-down function's page with each unit's identity and product. */
    private List<DrillRow> rows(org.jooq.Table<?> d) {
        var unitId = d.field("unit_id", Long.class);
        var eventId = d.field("event_id", Long.class);
        var occurredAt = d.field("occurred_at", java.time.OffsetDateTime.class);
        var what = d.field("what", String.class);
        var reference = d.field("reference", String.class);
        List<DrillRow> out = new ArrayList<>();
        for (Record r : dsl.select(d.fields()).select(UNIT.INTERNAL_ID, UNIT.SERIAL, PRODUCT.SKU, PRODUCT.NAME)
                .from(d).join(UNIT).on(UNIT.ID.eq(unitId)).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .orderBy(occurredAt.desc(), unitId, eventId)
                .fetch()) {
            out.add(new DrillRow(r.get(unitId), r.get(UNIT.INTERNAL_ID), r.get(UNIT.SERIAL),
                    r.get(PRODUCT.SKU) + " " + r.get(PRODUCT.NAME), r.get(eventId), r.get(occurredAt),
                    r.get(what), r.get(reference)));
        }
        return out;
    }
}
