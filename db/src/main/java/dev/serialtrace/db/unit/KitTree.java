package dev.serialtrace.db.unit;

import java.util.List;

/** A unit's place in a kit: its parent (if packed) and its children, each with its own status. */
public record KitTree(Member parent, List<Member> children) {

    public record Member(long unitId, String internalId, String serial, String product, String status, String location) {
    }

    public boolean isEmpty() {
        return parent == null && children.isEmpty();
    }
}
