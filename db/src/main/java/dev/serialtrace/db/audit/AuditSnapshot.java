package dev.serialtrace.db.audit;

import dev.serialtrace.core.identify.format.FormatRule;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An audit as the scanning client holds it in memory: the expected units snapshotted at start,
 * the scope's locations, and the format rules of the products in scope.
 *
 * @param locations   location id → path, the scope
 * @param formatRules rule name → rule, for the products in scope (to say which rule a capture broke)
 */
public record AuditSnapshot(long auditId, String code, long siteId, String status, String auditor,
                            OffsetDateTime startedAt, AuditScope scope, Map<Long, String> locations,
                            List<ExpectedUnit> expected, Map<String, FormatRule> formatRules) {

    /** One unit the records put in scope when the audit started. */
    public record ExpectedUnit(long unitId, String internalId, String serial, String serialNorm, String gtin,
                               long locationId, Long parentUnitId, String productName) {
    }
}
