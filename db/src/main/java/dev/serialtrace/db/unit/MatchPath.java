package dev.serialtrace.db.unit;

/** Which identifier a lookup found the unit by; {@link #label()} is the CLI/JSON spelling. */
public enum MatchPath {
    INTERNAL_ID("internal-id"),
    GTIN_SERIAL("gtin+serial"),
    HIBC("hibc"),
    SERIAL("serial");

    private final String label;

    MatchPath(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
