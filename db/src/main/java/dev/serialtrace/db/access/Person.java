package dev.serialtrace.db.access;

import java.time.OffsetDateTime;
import java.util.Set;

/** A person who signs in: their database role (login), printed name, group roles and lock. */
public record Person(String login, String printedName, Set<GroupRole> roles, int failedSignIns,
                     OffsetDateTime lockedUntil, OffsetDateTime createdAt, String createdBy) {

    public boolean isLocked() {
        return lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now());
    }

    public boolean has(GroupRole role) {
        return roles.contains(role);
    }
}
