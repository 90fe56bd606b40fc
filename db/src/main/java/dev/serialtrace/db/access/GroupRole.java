package dev.serialtrace.db.access;

import java.util.Locale;

/**
 * The group roles a person can hold (database roles {@code serialtrace_<name>}), least privilege:
 * each grants only what its work needs; see docs/architecture.md, "Roles and privileges".
 */
public enum GroupRole {
    /** reads units, history, audits, reports */
    VIEWER,
    /** reads plus analytics (KPIs, returns analysis) */
    QUALITY,
    /** runs spot audits, resolves discrepancies and capture exceptions, records custody events (own sites) */
    SUPERVISOR,
    /** reports, sign-offs, reads the audit trail */
    COMPLIANCE,
    /** people, products, format rules */
    ADMIN;

    public String shortName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String databaseRole() {
        return "serialtrace_" + shortName();
    }

    public static GroupRole parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceFirst("^serialtrace_", "");
        for (GroupRole r : values()) {
            if (r.shortName().equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role \"" + text + "\"; roles are viewer, quality, supervisor, compliance, admin");
    }
}
