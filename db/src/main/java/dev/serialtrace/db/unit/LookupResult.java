package dev.serialtrace.db.unit;

import dev.serialtrace.core.identify.ProductIdentifier;

import java.util.List;

/** What {@link UnitLookup#lookup} made of one capture. */
public sealed interface LookupResult {

    /**
     * One unit, or several when a bare serial is carried by units of different manufacturers or
     * products: that is surfaced as {@link #duplicateSerial()}, never resolved by guessing.
     */
    record Found(ProductIdentifier identifier, MatchPath matchedBy, List<UnitSummary> units) implements LookupResult {
        public Found {
            units = List.copyOf(units);
        }

        public boolean duplicateSerial() {
            return units.size() > 1;
        }
    }

    /** A well-formed identifier of no unit on file, with ranked guesses. */
    record NotFound(ProductIdentifier identifier, String serialNorm, List<Suggestion> didYouMean) implements LookupResult {
        public NotFound {
            didYouMean = List.copyOf(didYouMean);
        }
    }

    /** Input that cannot name a unit; position is a zero-based index into the raw input. */
    record BadInput(String message, int position) implements LookupResult {
    }
}
