package dev.serialtrace.reports.definitions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * The data slot of report 7 (record-integrity verification): what the integrity work (hash
 * chain per unit, issue 8) must give the report. Wire an implementation into the catalogue with
 * {@link ReportCatalogue#withIntegrity}; until then the report is listed as not yet available.
 */
public interface IntegrityEvidence {

    enum Result { INTACT, BROKEN, NOT_CHAINED }

    /** One unit's chain, recomputed from its events recorded up to the as-of moment. */
    record ChainCheck(String internalId, String serial, long events, Result result, Long firstBadEventId, String detail) {
    }

    /** How the check was made and its totals. */
    record Summary(String method, OffsetDateTime verifiedAt, long unitsChecked, long eventsChecked, long broken,
                   long notChained, String anchorHashHex) {
    }

    /**
     * Verifies the chains of the units (internal ids; empty = every unit), streaming one check per unit
     * to {@code sink} in a stable order, and returns the totals.
     */
    Summary verify(List<String> internalIds, OffsetDateTime asOf, Consumer<ChainCheck> sink);
}
