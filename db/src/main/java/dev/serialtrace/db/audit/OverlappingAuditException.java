package dev.serialtrace.db.audit;

/** Another open audit already counts some of these locations: two counts of one shelf at once disagree. */
public final class OverlappingAuditException extends RuntimeException {
    private final String otherAudit;

    public OverlappingAuditException(String otherAudit, String auditor, int sharedLocations) {
        super("Audit " + otherAudit + " (" + auditor + ") is already open on " + sharedLocations
                + (sharedLocations == 1 ? " of these locations" : " of these locations")
                + ". Close or cancel it first, or choose other locations.");
        this.otherAudit = otherAudit;
    }

    public String otherAudit() {
        return otherAudit;
    }
}
