package dev.serialtrace.db.unit;

/**
 * A unit found by partial text.
 *
 * @param field       what matched: serial, internal-id or lot
 * @param match       exact, prefix, suffix or contains (best first)
 * @param matchedText the value that matched (normalised serial, internal id or lot code)
 */
public record SearchHit(UnitSummary unit, Field field, Match match, String matchedText) {

    public enum Field { SERIAL, INTERNAL_ID, LOT }

    public enum Match { EXACT, PREFIX, SUFFIX, CONTAINS }
}
