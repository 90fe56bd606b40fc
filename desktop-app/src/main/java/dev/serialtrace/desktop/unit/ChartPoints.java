package dev.serialtrace.desktop.unit;

import dev.serialtrace.db.unit.TemperatureHistory;

import java.util.ArrayList;
import java.util.List;

/**
 * Readings thinned for a chart: a month of quarter-hourly readings is thousands of points, more
 * than a chart can draw quickly or an eye can tell apart. Each bucket keeps its lowest and
 * highest reading, so no excursion disappears from the picture.
 */
final class ChartPoints {
    private ChartPoints() {
    }

    static List<TemperatureHistory.Reading> thin(List<TemperatureHistory.Reading> readings, int maxPoints) {
        if (readings.size() <= maxPoints) {
            return readings;
        }
        int buckets = maxPoints / 2;
        double perBucket = (double) readings.size() / buckets;
        List<TemperatureHistory.Reading> out = new ArrayList<>(maxPoints);
        for (int b = 0; b < buckets; b++) {
            int from = (int) Math.floor(b * perBucket);
            int to = (int) Math.min(readings.size(), Math.floor((b + 1) * perBucket));
            TemperatureHistory.Reading low = readings.get(from);
            TemperatureHistory.Reading high = readings.get(from);
            for (int i = from; i < to; i++) {
                TemperatureHistory.Reading r = readings.get(i);
                if (r.celsius().compareTo(low.celsius()) < 0) {
                    low = r;
                }
                if (r.celsius().compareTo(high.celsius()) > 0) {
                    high = r;
                }
            }
            boolean lowFirst = low.at().isBefore(high.at());
            out.add(lowFirst ? low : high);
            if (low != high) {
                out.add(lowFirst ? high : low);
            }
        }
        return out;
    }
}
