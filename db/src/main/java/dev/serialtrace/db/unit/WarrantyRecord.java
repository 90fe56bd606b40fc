package dev.serialtrace.db.unit;

import dev.serialtrace.core.warranty.ClaimSignals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A unit's sale, warranty term and claims, each claim with its warning signs. */
public record WarrantyRecord(OffsetDateTime soldAt, String customer, String region, String shipment,
                             Integer warrantyMonths, LocalDate warrantyEnds, List<ClaimEntry> claims) {

    public record ClaimEntry(String claimNumber, String claimant, OffsetDateTime openedAt, OffsetDateTime decidedAt,
                             String outcome, String region, String reason, List<ClaimSignals.Signal> signals) {
    }

    public boolean sold() {
        return soldAt != null;
    }
}
