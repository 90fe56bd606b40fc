package dev.serialtrace.db.integrity;

import java.util.Locale;

/** How a custody chain is broken (see V11__custody_hash_chain.sql). */
public enum BreakKind {
    /** an event no longer hashes to its link: its content changed after it was recorded */
    ALTERED,
    /** an event (or a run of them) is gone */
    DELETED,
    /** an event is in the history but not in the chain: written around the triggers */
    INSERTED,
    /** an event's link is valid only after another event: moved in the chain */
    REORDERED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BreakKind of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
