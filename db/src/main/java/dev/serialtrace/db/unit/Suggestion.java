package dev.serialtrace.db.unit;

/**
 * A "did you mean" candidate for a serial not on file.
 *
 * @param kind   confusable, transposition, missing, extra (one slip), or prefix / suffix (the
 *               capture is part of this serial: a partial scan)
 * @param reason what the slip was, e.g. "0 read as O at position 5"
 */
public record Suggestion(UnitSummary unit, String kind, String reason) {
}
