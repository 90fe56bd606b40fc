package dev.serialtrace.db.audit;

/** What is done about a discrepancy; each becomes a cycle-counting custody event on the unit. */
public enum Resolution {
    MOVE_RECORD("Move the record here"),
    MARK_LOST("Mark lost"),
    RECOUNT("Recount (found)"),
    ESCALATE("Escalate to quality");

    private final String label;

    Resolution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
