package dev.serialtrace.db.archive;

import java.time.OffsetDateTime;

/** A month a purge considered: its events, how many retention holds and which rules ({@code heldBy}). */
public record PurgeCandidate(String name, OffsetDateTime from, OffsetDateTime to, long events, long heldEvents,
                             String heldBy, boolean purged) {
    public boolean held() {
        return heldEvents > 0;
    }
}
