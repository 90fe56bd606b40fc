package dev.serialtrace.db.audit;

/** How one audit scan is judged; PENDING only on the client while the database is unreachable. */
public enum ScanClass {
    MATCHED("Matched"),
    WRONG_LOCATION("Wrong location"),
    STATUS_CONFLICT("Status conflict"),
    UNKNOWN("Unknown"),
    DUPLICATE("Duplicate scan"),
    INVALID("Invalid"),
    /** A serial captured from quantity stock: a new unit, serialised during the audit. */
    RETROFITTED("Serialised from stock"),
    PENDING("Waiting for the database");

    private final String label;

    ScanClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Counts against the shelf's record accuracy. */
    public boolean unexpected() {
        return this == WRONG_LOCATION || this == STATUS_CONFLICT || this == UNKNOWN;
    }

    public String dbLiteral() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
