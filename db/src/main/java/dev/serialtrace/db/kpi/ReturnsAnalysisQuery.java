package dev.serialtrace.db.kpi;

import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.RETURNS_BY;
import static dev.serialtrace.db.jooq.Tables.RETURNS_SERIAL_RANGES;

/**
 * Return rates by lot, product, customer, reason and detected serial range (DOMAIN.md §7, report 5),
 * with confidence intervals and statistical outliers. Reads the aggregates of migration V30.
 */
public final class ReturnsAnalysisQuery {
    /** z above which a group's returns are flagged: about 1 in 740 by chance for one group. */
    public static final double OUTLIER_Z = 3.0;
    private static final double Z95 = 1.959964;

    public enum Dimension { LOT, PRODUCT, CUSTOMER, REASON }

    private final DSLContext dsl;

    public ReturnsAnalysisQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every group with shipments or returns in the period, highest rate first. For REASON the shipped count is all units shipped. */
    public List<ReturnRate> by(Dimension dimension, KpiFilter f) {
        var rows = dsl.selectFrom(RETURNS_BY.call(dimension.name().toLowerCase(java.util.Locale.ROOT), f.from(), f.to(),
                f.siteId(), f.category())).fetch();
        List<long[]> counts = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (var r : rows) {
            keys.add(r.getKeyId());
            labels.add(r.getLabel() == null ? "—" : r.getLabel());
            counts.add(new long[]{r.getShipped(), r.getReturned()});
        }
        double pooled = dimension == Dimension.REASON ? Double.NaN : pooledRate(counts);
        List<ReturnRate> out = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            out.add(rate(keys.get(i), labels.get(i), counts.get(i)[0], counts.get(i)[1], pooled));
        }
        out.sort(Comparator.comparing((ReturnRate r) -> r.rate() == null ? -1 : r.rate()).reversed()
                .thenComparing(ReturnRate::label));
        return out;
    }

    /** The n lots with the highest lower confidence bound (not the highest raw rate: a lot of 3 with 1 return is not the worst). */
    public List<ReturnRate> worstLots(KpiFilter f, int n) {
        return by(Dimension.LOT, f).stream().filter(r -> r.shipped() > 0)
                .sorted(Comparator.comparingDouble(ReturnRate::ciLow).reversed().thenComparing(ReturnRate::label))
                .limit(n).toList();
    }

    /**
     * Ranges of returned serials of one product whose numbers lie at most {@code maxGap} apart, with
     * at least {@code minReturns} returns; rate = returned ÷ units of the range ever shipped.
     */
    public List<SerialRange> serialRanges(KpiFilter f, int maxGap, int minReturns) {
        var rows = dsl.selectFrom(RETURNS_SERIAL_RANGES.call(f.from(), f.to(), f.siteId(), f.category(), maxGap, minReturns))
                .fetch();
        // pooled over the period: all returns ÷ all shipped
        long shipped = 0;
        long returned = 0;
        for (ReturnRate r : by(Dimension.PRODUCT, f)) {
            shipped += r.shipped();
            returned += r.returned();
        }
        double pooled = shipped == 0 ? Double.NaN : (double) returned / shipped;
        List<SerialRange> out = new ArrayList<>();
        for (var r : rows) {
            String label = r.getFirstSerial() + " … " + r.getLastSerial();
            out.add(new SerialRange(r.getProductId(), r.getLabel(), r.getFirstSerial(), r.getLastSerial(),
                    rate(r.getProductId(), label, r.getShipped(), r.getReturned(), pooled)));
        }
        out.sort(Comparator.comparingDouble((SerialRange s) -> s.rate().zScore()).reversed());
        return out;
    }

    static double pooledRate(List<long[]> counts) {
        long s = 0;
        long r = 0;
        for (long[] c : counts) {
            s += c[0];
            r += c[1];
        }
        return s == 0 ? Double.NaN : (double) r / s;
    }

    static ReturnRate rate(Long key, String label, long shipped, long returned, double pooled) {
        if (shipped <= 0) {
            return new ReturnRate(key, label, shipped, returned, null, 0, 1, 0, false);
        }
        double p = Math.min(1.0, (double) returned / shipped);
        double[] ci = wilson(Math.min(returned, shipped), shipped);
        double z = 0;
        if (!Double.isNaN(pooled) && pooled > 0 && pooled < 1) {
            z = (returned - shipped * pooled) / Math.sqrt(shipped * pooled * (1 - pooled));
        }
        return new ReturnRate(key, label, shipped, returned, p, ci[0], ci[1], z, z > OUTLIER_Z);
    }

    /** 95 % Wilson score interval of x successes in n trials. */
    static double[] wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
