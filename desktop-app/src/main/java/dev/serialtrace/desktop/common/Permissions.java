package dev.serialtrace.desktop.common;

import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.access.Person;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the signed-in person may do, from the group roles the database gives them (the grants of
 * V12/V60): the screens disable what the person may not do. Only a convenience — the database is
 * what refuses (AccessControlTest). The schema owner (no person) may do everything.
 */
public record Permissions(Set<GroupRole> roles, boolean owner) {
    public static final Permissions OWNER = new Permissions(EnumSet.noneOf(GroupRole.class), true);

    public Permissions {
        roles = roles.isEmpty() ? EnumSet.noneOf(GroupRole.class) : EnumSet.copyOf(roles);
    }

    public static Permissions of(Optional<Person> signedIn) {
        return signedIn.map(p -> new Permissions(p.roles(), false)).orElse(OWNER);
    }

    private boolean any(GroupRole... allowed) {
        if (owner) {
            return true;
        }
        for (GroupRole r : allowed) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** plan, start, scan, close a spot audit and resolve its discrepancies (supervisors) */
    public boolean mayRunAudits() {
        return any(GroupRole.SUPERVISOR);
    }

    /** sign (audit sign-off, approvals): every role that may insert a signature */
    public boolean maySign() {
        return any(GroupRole.QUALITY, GroupRole.SUPERVISOR, GroupRole.COMPLIANCE, GroupRole.ADMIN);
    }

    /** match, create or reject capture exceptions (supervisors) */
    public boolean mayResolveExceptions() {
        return any(GroupRole.SUPERVISOR);
    }

    /** import EPCIS events (supervisors record custody events) */
    public boolean mayImport() {
        return any(GroupRole.SUPERVISOR);
    }

    /** anchor the hash chain (compliance, admin) */
    public boolean mayAnchor() {
        return any(GroupRole.COMPLIANCE, GroupRole.ADMIN);
    }

    /** "viewer, quality" — for the hints next to disabled actions */
    public String describe() {
        return owner ? "schema owner" : roles.isEmpty() ? "no role"
                : roles.stream().map(GroupRole::shortName).collect(Collectors.joining(", "));
    }
}
