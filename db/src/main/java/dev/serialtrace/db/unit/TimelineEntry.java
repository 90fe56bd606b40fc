package dev.serialtrace.db.unit;

import java.time.OffsetDateTime;

/** One custody event as the dossier shows it: names resolved, flags explained. */
public record TimelineEntry(
        long eventId,
        OffsetDateTime occurredAt,
        String occurredZone,
        OffsetDateTime recordedAt,
        String bizStep,
        String disposition,
        String fromLocation,
        Long fromLocationId,
        String toLocation,
        Long toLocationId,
        String sourceParty,
        String destinationParty,
        String documents,          // "po PO-000123, desadv ASN-77"
        String captureMethod,
        String rawScan,
        String manualReason,
        String device,
        String actor,
        Long correctsEventId,
        boolean illegalTransition,
        boolean outOfOrder,
        String flagReason) {

    public boolean flagged() {
        return illegalTransition || outOfOrder || correctsEventId != null;
    }
}
