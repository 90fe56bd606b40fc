package dev.serialtrace.reports.definitions;

import dev.serialtrace.db.integrity.ChainBreak;
import dev.serialtrace.db.integrity.ChainVerifier;
import dev.serialtrace.db.integrity.VerificationReport;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data of report 7 (record-integrity verification): what was verified and every break found.
 * {@link #chainVerifier()} is the real one (issue 8's hash chains, {@link ChainVerifier}); the
 * catalogue takes another through {@link ReportCatalogue#withIntegrity} (null: listed, not available).
 */
@FunctionalInterface
public interface IntegrityEvidence {

    /**
     * Verifies the chains of the given units (internal ids; none = every unit, and then every anchor too).
     * Runs against the events as they are stored now: verification is about the present record.
     */
    VerificationReport verify(DSLContext dsl, List<Long> unitIds);

    /** Recomputes the hash chains in the database (issue 8): per listed unit, or all units and all anchors. */
    static IntegrityEvidence chainVerifier() {
        return (dsl, unitIds) -> {
            ChainVerifier verifier = new ChainVerifier(dsl);
            if (unitIds.isEmpty()) {
                return verifier.verifyAll((done, total) -> { });
            }
            long units = 0;
            long events = 0;
            List<ChainBreak> breaks = new ArrayList<>();
            java.time.Duration elapsed = java.time.Duration.ZERO;
            for (long id : unitIds) {
                VerificationReport r = verifier.verifyUnit(id);
                units += r.units();
                events += r.events();
                breaks.addAll(r.breaks());
                elapsed = elapsed.plus(r.elapsed());
            }
            Optional<dev.serialtrace.db.integrity.Anchor> anchor = verifier.newestAnchor();
            return new VerificationReport(units + " listed unit" + (units == 1 ? "" : "s"), units, events, 0, breaks, anchor, elapsed);
        };
    }
}
