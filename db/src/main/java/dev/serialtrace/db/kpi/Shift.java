package dev.serialtrace.db.kpi;

/** The shift of an event by its site's local hour — the same rule as {@code kpi_shift} (migration V80). */
public enum Shift {
    EARLY("early", "early 06–14"), LATE("late", "late 14–22"), NIGHT("night", "night 22–06");

    private final String code;
    private final String label;

    Shift(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Shift of(String code) {
        for (Shift s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown shift " + code);
    }
}
