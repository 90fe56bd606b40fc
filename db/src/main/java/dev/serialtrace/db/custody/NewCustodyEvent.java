package dev.serialtrace.db.custody;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** What happened to one unit, as a person or device reports it. */
public record NewCustodyEvent(
        long unitId,
        OffsetDateTime occurredAt,
        String occurredZone,
        BizStep bizStep,
        Disposition disposition,
        Long fromLocationId,
        Long toLocationId,
        Long sourcePartyId,
        Long destinationPartyId,
        Long parentUnitId,
        List<BizTransaction> bizTransactions,
        Capture capture,
        Long correctsEventId) {

    /** A business document the event belongs to (CBV type: po, desadv, inv, bol, rma, recadv, prodorder). */
    public record BizTransaction(String type, String id) {
    }

    /** How the identifier was captured; manual entry needs a reason. */
    public record Capture(Method method, String rawScan, String manualReason, String device) {
        public enum Method { scan, manual, system, import_ }

        public Capture {
            Objects.requireNonNull(method, "capture method");
            if (method == Method.manual && (manualReason == null || manualReason.isBlank())) {
                throw new IllegalArgumentException("a manual capture needs a reason");
            }
        }
    }

    public NewCustodyEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(occurredZone, "occurredZone");
        Objects.requireNonNull(bizStep, "bizStep");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(capture, "capture");
        bizTransactions = bizTransactions == null ? List.of() : List.copyOf(bizTransactions);
    }
}
