package dev.serialtrace.db.unit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Who a unit is and where it stands now: the head of its dossier. */
public record UnitIdentity(
        long unitId,
        String internalId,
        String serial,
        String gtin,
        String sgtin,
        String lot,
        LocalDate expiry,
        LocalDate productionDate,
        String productSku,
        String productName,
        String category,
        String manufacturer,
        List<String> regulatoryTags,
        String status,
        String lastBizStep,
        String location,
        String holder,
        OffsetDateTime lastEventAt,
        int eventCount,
        OffsetDateTime historyKnownFrom,
        boolean coldChain) {
}
