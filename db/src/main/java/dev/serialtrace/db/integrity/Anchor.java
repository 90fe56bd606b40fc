package dev.serialtrace.db.integrity;

import java.time.OffsetDateTime;
import java.util.HexFormat;

/** A periodic anchor over all chain links; its digest is what to keep outside the database. */
public record Anchor(long id, OffsetDateTime anchoredAt, String anchoredBy, long upToEventId, long linkCount,
                     byte[] digest) {
    public String digestHex() {
        return HexFormat.of().formatHex(digest);
    }
}
