package dev.serialtrace.db.custody;

import java.util.Optional;

/** The stored event's id and, when the lifecycle was broken, why it was flagged. */
public record RecordedEvent(long eventId, boolean illegalTransition, boolean outOfOrder, Optional<String> flagReason) {
}
