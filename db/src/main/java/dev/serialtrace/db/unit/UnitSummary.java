package dev.serialtrace.db.unit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One unit as lookup, search and the desktop search table show it: identity, product and current
 * state, flat. Nullable: gtin, sgtinUri (needs the product's company-prefix length), lotCode,
 * expiry, status and everything after it (a unit without events has no state yet).
 *
 * @param gtin   the unit's GTIN, else its product's
 * @param expiry the unit's expiry, else its lot's
 */
public record UnitSummary(
        long unitId,
        String internalId,
        String serial,
        String serialNorm,
        String gtin,
        String sgtinUri,
        String lotCode,
        LocalDate expiry,
        String productSku,
        String productName,
        String category,
        long manufacturerId,
        String manufacturerName,
        String status,
        String lastBizStep,
        String locationPath,
        String holderName,
        OffsetDateTime lastEventAt) {
}
