package dev.serialtrace.core.coldchain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit's temperature exposure from the readings of the places it stayed. Each reading stands
 * for the time until the next reading of the same stay, but never longer than {@link #MAX_HOLD}
 * (a silent sensor proves nothing). Excursions are runs of consecutive out-of-band readings.
 */
public final class Exposure {
    public static final Duration MAX_HOLD = Duration.ofMinutes(60);

    /** A reading taken during a stay that ended at {@code stayEnd} (the next move, or now). */
    public record Reading(int stay, OffsetDateTime at, BigDecimal celsius, OffsetDateTime stayEnd) {
    }

    public record Excursion(OffsetDateTime from, OffsetDateTime to, BigDecimal worst, long minutes) {
    }

    public record Result(long minutesOutOfRange, BigDecimal worst, List<Excursion> excursions) {
    }

    private Exposure() {
    }

    /** Readings in time order; the band's ends are inclusive; a null end is unbounded. */
    public static Result of(List<Reading> readings, BigDecimal min, BigDecimal max) {
        long total = 0;
        BigDecimal worst = null;
        List<Excursion> excursions = new ArrayList<>();
        OffsetDateTime runStart = null;
        OffsetDateTime runEnd = null;
        BigDecimal runWorst = null;
        long runMinutes = 0;
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            boolean sameStayNext = i + 1 < readings.size() && readings.get(i + 1).stay() == r.stay();
            OffsetDateTime until = sameStayNext ? readings.get(i + 1).at() : r.stayEnd();
            long minutes = Math.min(MAX_HOLD.toMinutes(), Math.max(0, Duration.between(r.at(), until).toMinutes()));
            BigDecimal deviation = deviation(r.celsius(), min, max);
            if (deviation.signum() > 0) {
                total += minutes;
                if (worst == null || deviation.compareTo(deviation(worst, min, max)) > 0) {
                    worst = r.celsius();
                }
                if (runStart == null) {
                    runStart = r.at();
                    runWorst = r.celsius();
                    runMinutes = 0;
                } else if (deviation.compareTo(deviation(runWorst, min, max)) > 0) {
                    runWorst = r.celsius();
                }
                runMinutes += minutes;
                runEnd = r.at().plusMinutes(minutes);
            }
            if (runStart != null && (deviation.signum() == 0 || !sameStayNext)) {
                excursions.add(new Excursion(runStart, runEnd, runWorst, runMinutes));
                runStart = null;
            }
        }
        return new Result(total, worst, excursions);
    }

    private static BigDecimal deviation(BigDecimal c, BigDecimal min, BigDecimal max) {
        if (min != null && c.compareTo(min) < 0) {
            return min.subtract(c);
        }
        if (max != null && c.compareTo(max) > 0) {
            return c.subtract(max);
        }
        return BigDecimal.ZERO;
    }
}
