package dev.serialtrace.db.audit;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One scan as journaled on the client and stored in {@code audit_scan}. The client scan id makes
 * storing it idempotent: a replay after a lost connection stores each scan exactly once.
 *
 * @param stockId for a {@link ScanClass#RETROFITTED} scan, the quantity stock its serial is captured from
 */
public record AuditScan(long auditId, UUID clientScanId, int seq, OffsetDateTime scannedAt, Long locationId,
                        String rawInput, boolean manual, String manualReason, Long unitId, ScanClass classification,
                        String detail, Long stockId) {
    public AuditScan(long auditId, UUID clientScanId, int seq, OffsetDateTime scannedAt, Long locationId, String rawInput,
                     boolean manual, String manualReason, Long unitId, ScanClass classification, String detail) {
        this(auditId, clientScanId, seq, scannedAt, locationId, rawInput, manual, manualReason, unitId, classification, detail, null);
    }

    public AuditScan {
        if ((classification == ScanClass.RETROFITTED) != (stockId != null) && classification != ScanClass.INVALID) {
            throw new IllegalArgumentException("a retrofitted scan, and only one, names the stock it serialises");
        }
        Objects.requireNonNull(clientScanId);
        Objects.requireNonNull(rawInput);
        Objects.requireNonNull(classification);
        if (manual && (manualReason == null || manualReason.isBlank())) {
            throw new IllegalArgumentException("a manual entry needs a reason");
        }
    }

    public AuditScan classifiedAs(Classification c) {
        return new AuditScan(auditId, clientScanId, seq, scannedAt, locationId, rawInput, manual, manualReason,
                c.unitId(), c.kind(), c.detail(), stockId);
    }
}
