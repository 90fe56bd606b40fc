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
