package dev.serialtrace.db.integrity;

/**
 * One break found by verification. {@code unitId} is null for a broken anchor (which covers all
 * units); {@code eventId} and {@code chainSeq} are null when the event itself is unknown (a deleted tail).
 */
public record ChainBreak(Long unitId, String internalId, Long eventId, Integer chainSeq, BreakKind kind, String detail,
                         Long anchorId) {
}
