package dev.serialtrace.db.audit;

import dev.serialtrace.db.unit.Suggestion;

import java.util.List;

/**
 * The verdict on one scan.
 *
 * @param unitId      the unit it names, or null (unknown, invalid)
 * @param detail      what the person needs to know: where the record says it is, what status it has,
 *                    which format rule it broke, what it was a duplicate of
 * @param didYouMean  candidates for an unknown serial
 * @param kitChildren expected children a kit scan counted as found too
 */
public record Classification(ScanClass kind, Long unitId, String detail, List<Suggestion> didYouMean, int kitChildren) {
    public Classification {
        didYouMean = didYouMean == null ? List.of() : List.copyOf(didYouMean);
    }

    static Classification of(ScanClass kind, Long unitId, String detail) {
        return new Classification(kind, unitId, detail, List.of(), 0);
    }
}
