package dev.serialtrace.db.kpi;

import java.util.Locale;

/** Text forms of KPI values, shared by the CLI, the dashboard and the reports. */
public final class KpiFormat {
    private KpiFormat() {
    }

    public static String value(KpiKind kind, Double value) {
        if (value == null) {
            return "—";
        }
        return switch (kind) {
            case RATIO -> percent(value);
            case MEDIAN_MINUTES -> duration(value);
            case MEDIAN_MICROS -> micros(value);
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
        };
    }

    public static String percent(double ratio) {
        double p = ratio * 100;
        if (p == 100 || p == 0) {
            return String.format(Locale.ROOT, "%.0f %%", p);
        }
        return String.format(Locale.ROOT, p >= 99 ? "%.2f %%" : "%.1f %%", p);
    }

    /** A target as written in the domain handbook: "100 %", "95 %", "99.9 %". */
    public static String target(double ratio) {
        return java.math.BigDecimal.valueOf(ratio * 100).stripTrailingZeros().toPlainString() + " %";
    }

    /** "0.42 ms", "38 ms", "2.4 s". */
    public static String micros(double micros) {
        double ms = micros / 1000;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        return ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }

    /** A median kind's duration: minutes or microseconds. */
    public static String duration(KpiKind kind, double value) {
        return kind == KpiKind.MEDIAN_MICROS ? micros(value) : duration(value);
    }

    public static String duration(double minutes) {
        long m = Math.round(minutes);
        if (m < 60) {
            return m + " min";
        }
        long h = m / 60;
        if (h < 48) {
            return h + " h " + (m % 60) + " min";
        }
        return (h / 24) + " d " + (h % 24) + " h";
    }
}
