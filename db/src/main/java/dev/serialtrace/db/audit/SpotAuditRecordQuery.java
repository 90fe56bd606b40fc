package dev.serialtrace.db.audit;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static dev.serialtrace.db.jooq.Tables.AUDIT_DISCREPANCY;
import static dev.serialtrace.db.jooq.Tables.AUDIT_EXPECTED;
import static dev.serialtrace.db.jooq.Tables.AUDIT_SCAN;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SIGNATURE;
import static dev.serialtrace.db.jooq.Tables.SITE;
import static dev.serialtrace.db.jooq.Tables.SPOT_AUDIT;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/**
 * A spot audit as its report prints it: scope, auditor, timing, counts (recounted from the
 * expected snapshot and the scans, so the report does not trust cached totals), each discrepancy
 * with its resolution, and the electronic signatures bound to the audit and its discrepancies
 * (read from the signature table; the signature service of the integrity work writes the same rows).
 */
public final class SpotAuditRecordQuery {
    private final DSLContext dsl;

    public SpotAuditRecordQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Recent audits, newest first: for pickers. */
    public List<AuditChoice> recent(int limit) {
        return dsl.select(SPOT_AUDIT.CODE, SITE.CODE, SPOT_AUDIT.STATUS, SPOT_AUDIT.PLANNED_AT)
                .from(SPOT_AUDIT).join(SITE).on(SITE.ID.eq(SPOT_AUDIT.SITE_ID))
                .orderBy(SPOT_AUDIT.PLANNED_AT.desc(), SPOT_AUDIT.ID.desc()).limit(limit)
                .fetch(r -> new AuditChoice(r.value1(), r.value2(), r.value3().getLiteral(), r.value4()));
    }

    public Optional<AuditRecord> fetch(String code) {
        Record a = dsl.select(SPOT_AUDIT.ID, SPOT_AUDIT.CODE, SITE.CODE, SITE.NAME, SITE.TIME_ZONE, SPOT_AUDIT.SCOPE,
                        SPOT_AUDIT.AUDITOR, SPOT_AUDIT.STATUS, SPOT_AUDIT.PLANNED_AT, SPOT_AUDIT.STARTED_AT,
                        SPOT_AUDIT.CLOSED_AT)
                .from(SPOT_AUDIT).join(SITE).on(SITE.ID.eq(SPOT_AUDIT.SITE_ID))
                .where(SPOT_AUDIT.CODE.eq(code)).fetchOne();
        if (a == null) {
            return Optional.empty();
        }
        long id = a.get(SPOT_AUDIT.ID);
        int expected = dsl.fetchCount(AUDIT_EXPECTED, AUDIT_EXPECTED.AUDIT_ID.eq(id));
        // found: expected units scanned at least once (any location); unexpected: scanned units that were not expected
        int found = dsl.fetchCount(dsl.selectDistinct(AUDIT_SCAN.UNIT_ID).from(AUDIT_SCAN)
                .join(AUDIT_EXPECTED).on(AUDIT_EXPECTED.AUDIT_ID.eq(AUDIT_SCAN.AUDIT_ID)
                        .and(AUDIT_EXPECTED.UNIT_ID.eq(AUDIT_SCAN.UNIT_ID)))
                .where(AUDIT_SCAN.AUDIT_ID.eq(id)));
        int unexpected = dsl.fetchCount(dsl.selectDistinct(AUDIT_SCAN.UNIT_ID).from(AUDIT_SCAN)
                .where(AUDIT_SCAN.AUDIT_ID.eq(id)).and(AUDIT_SCAN.UNIT_ID.isNotNull())
                .andNotExists(DSL.selectOne().from(AUDIT_EXPECTED).where(AUDIT_EXPECTED.AUDIT_ID.eq(id)
                        .and(AUDIT_EXPECTED.UNIT_ID.eq(AUDIT_SCAN.UNIT_ID)))));
        int unknownScans = dsl.fetchCount(AUDIT_SCAN, AUDIT_SCAN.AUDIT_ID.eq(id).and(AUDIT_SCAN.UNIT_ID.isNull()));
        int scans = dsl.fetchCount(AUDIT_SCAN, AUDIT_SCAN.AUDIT_ID.eq(id));

        List<Discrepancy> discrepancies = new ArrayList<>();
        for (Record d : dsl.select(AUDIT_DISCREPANCY.ID, AUDIT_DISCREPANCY.KIND, UNIT.INTERNAL_ID, UNIT.SERIAL,
                        PRODUCT.NAME, LOCATION.PATH, AUDIT_SCAN.RAW_INPUT, AUDIT_DISCREPANCY.RESOLUTION,
                        AUDIT_DISCREPANCY.RESOLUTION_REASON, AUDIT_DISCREPANCY.RESOLVED_BY, AUDIT_DISCREPANCY.RESOLVED_AT)
                .from(AUDIT_DISCREPANCY)
                .leftJoin(UNIT).on(UNIT.ID.eq(AUDIT_DISCREPANCY.UNIT_ID))
                .leftJoin(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .leftJoin(LOCATION).on(LOCATION.ID.eq(AUDIT_DISCREPANCY.LOCATION_ID))
                .leftJoin(AUDIT_SCAN).on(AUDIT_SCAN.ID.eq(AUDIT_DISCREPANCY.SCAN_ID))
                .where(AUDIT_DISCREPANCY.AUDIT_ID.eq(id))
                .orderBy(AUDIT_DISCREPANCY.ID)
                .fetch()) {
            discrepancies.add(new Discrepancy(d.get(AUDIT_DISCREPANCY.ID), d.get(AUDIT_DISCREPANCY.KIND).getLiteral(),
                    d.get(UNIT.INTERNAL_ID), d.get(UNIT.SERIAL), d.get(PRODUCT.NAME), d.get(LOCATION.PATH),
                    d.get(AUDIT_SCAN.RAW_INPUT),
                    d.get(AUDIT_DISCREPANCY.RESOLUTION) == null ? null : d.get(AUDIT_DISCREPANCY.RESOLUTION).getLiteral(),
                    d.get(AUDIT_DISCREPANCY.RESOLUTION_REASON), d.get(AUDIT_DISCREPANCY.RESOLVED_BY),
                    d.get(AUDIT_DISCREPANCY.RESOLVED_AT)));
        }
        List<Long> discrepancyIds = discrepancies.stream().map(Discrepancy::id).toList();
        List<Signature> signatures = dsl.select(SIGNATURE.SUBJECT_TYPE, SIGNATURE.SUBJECT_ID, SIGNATURE.SIGNER,
                        SIGNATURE.PRINTED_NAME, SIGNATURE.MEANING, SIGNATURE.SIGNED_AT, SIGNATURE.CONTENT_HASH)
                .from(SIGNATURE)
                .where(SIGNATURE.SUBJECT_TYPE.eq("spot_audit").and(SIGNATURE.SUBJECT_ID.eq(id)))
                .or(SIGNATURE.SUBJECT_TYPE.eq("audit_discrepancy").and(SIGNATURE.SUBJECT_ID.in(discrepancyIds)))
                .orderBy(SIGNATURE.SIGNED_AT, SIGNATURE.ID)
                .fetch(s -> new Signature(s.value1(), s.value2(), s.value3(), s.value4(), s.value5().getLiteral(), s.value6(),
                        s.value7() == null ? null : HexFormat.of().formatHex(s.value7())));
        return Optional.of(new AuditRecord(id, a.get(SPOT_AUDIT.CODE), a.get(SITE.CODE), a.get(SITE.NAME),
                a.get(SITE.TIME_ZONE), a.get(SPOT_AUDIT.SCOPE) == null ? "" : a.get(SPOT_AUDIT.SCOPE).data(),
                a.get(SPOT_AUDIT.AUDITOR), a.get(SPOT_AUDIT.STATUS).getLiteral(), a.get(SPOT_AUDIT.PLANNED_AT),
                a.get(SPOT_AUDIT.STARTED_AT), a.get(SPOT_AUDIT.CLOSED_AT), expected, found, expected - found, unexpected,
                unknownScans, scans, discrepancies, signatures));
    }

    public record AuditChoice(String code, String site, String status, OffsetDateTime plannedAt) {
    }

    public record AuditRecord(long id, String code, String siteCode, String siteName, String siteZone, String scopeJson,
                              String auditor, String status, OffsetDateTime plannedAt, OffsetDateTime startedAt,
                              OffsetDateTime closedAt, int expected, int found, int missing, int unexpected,
                              int unknownScans, int scans, List<Discrepancy> discrepancies, List<Signature> signatures) {
        /** Found expected units over expected units, in percent; null when nothing was expected. */
        public Double accuracyPercent() {
            return expected == 0 ? null : 100.0 * found / expected;
        }
    }

    public record Discrepancy(long id, String kind, String unitInternalId, String serial, String product, String location,
                              String scannedInput, String resolution, String resolutionReason, String resolvedBy,
                              OffsetDateTime resolvedAt) {
    }

    public record Signature(String subjectType, long subjectId, String signer, String printedName, String meaning,
                            OffsetDateTime signedAt, String contentHashHex) {
    }
}
