package dev.serialtrace.db.audit;

import dev.serialtrace.core.identify.format.CasePolicy;
import dev.serialtrace.core.identify.format.CheckScheme;
import dev.serialtrace.core.identify.format.FormatRule;
import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.db.custody.CustodyCommands;
import dev.serialtrace.db.custody.NewCustodyEvent;
import dev.serialtrace.db.jooq.Routines;
import dev.serialtrace.db.jooq.enums.AuditStatus;
import dev.serialtrace.db.jooq.enums.CaptureExceptionKind;
import dev.serialtrace.db.jooq.enums.CaptureMethod;
import dev.serialtrace.db.jooq.enums.DiscrepancyResolution;
import dev.serialtrace.db.jooq.enums.ScanClassification;
import dev.serialtrace.db.jooq.tables.records.AuditDiscrepancyRecord;
import dev.serialtrace.db.jooq.tables.records.SpotAuditRecord;
import dev.serialtrace.db.jooq.tables.records.UnitRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.serialtrace.db.jooq.Tables.AUDIT_DISCREPANCY;
import static dev.serialtrace.db.jooq.Tables.AUDIT_EXPECTED;
import static dev.serialtrace.db.jooq.Tables.AUDIT_SCAN;
import static dev.serialtrace.db.jooq.Tables.AUDIT_SCOPE_LOCATION;
import static dev.serialtrace.db.jooq.Tables.CAPTURE_EXCEPTION;
import static dev.serialtrace.db.jooq.Tables.FORMAT_RULE;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SITE;
import static dev.serialtrace.db.jooq.Tables.SPOT_AUDIT;
import static dev.serialtrace.db.jooq.Tables.SPOT_AUDIT_ACCURACY;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/**
 * Running a spot audit: start (snapshot the expected units), store scans exactly once, close
 * (set-based, in the database), resolve discrepancies as cycle-counting custody events, and the
 * content hash a signature binds to.
 */
public final class AuditCommands {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private final DSLContext dsl;

    public AuditCommands(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Snapshots the units the records put in scope now and starts the audit. Movements recorded
     * from here on are taken into account at close. Starting an audit already in progress only
     * returns its snapshot (a second laptop, or a restart).
     */
    public AuditSnapshot start(long auditId) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            SpotAuditRecord a = db.selectFrom(SPOT_AUDIT).where(SPOT_AUDIT.ID.eq(auditId)).forUpdate().fetchOptional()
                    .orElseThrow(() -> new IllegalArgumentException("no audit with id " + auditId));
            if (a.getStatus() == AuditStatus.in_progress) {
                return;
            }
            if (a.getStatus() != AuditStatus.planned) {
                throw new IllegalStateException("audit " + a.getCode() + " is " + a.getStatus().getLiteral() + "; it cannot start again");
            }
            AuditScope scope = AuditScopes.parse(a.getScope());
            var filter = UNIT.LOCATION_ID.in(scope.locationIds());
            if (scope.productId() != null) {
                filter = filter.and(UNIT.PRODUCT_ID.eq(scope.productId()));
            }
            if (scope.category() != null) {
                filter = filter.and(PRODUCT.CATEGORY.eq(scope.category()));
            }
            int expected = db.insertInto(AUDIT_EXPECTED, AUDIT_EXPECTED.AUDIT_ID, AUDIT_EXPECTED.UNIT_ID, AUDIT_EXPECTED.LOCATION_ID)
                    .select(DSL.select(DSL.val(auditId), UNIT.ID, UNIT.LOCATION_ID)
                            .from(UNIT).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID)).where(filter))
                    .execute();
            db.update(SPOT_AUDIT).set(SPOT_AUDIT.STATUS, AuditStatus.in_progress)
                    .set(SPOT_AUDIT.STARTED_AT, DSL.currentOffsetDateTime())
                    .set(SPOT_AUDIT.EXPECTED_COUNT, expected)
                    .where(SPOT_AUDIT.ID.eq(auditId)).execute();
        });
        return snapshot(auditId);
    }

    /** The audit as the scanning client keeps it in memory. */
    public AuditSnapshot snapshot(long auditId) {
        SpotAuditRecord a = dsl.selectFrom(SPOT_AUDIT).where(SPOT_AUDIT.ID.eq(auditId)).fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("no audit with id " + auditId));
        AuditScope scope = AuditScopes.parse(a.getScope());
        Map<Long, String> locations = new LinkedHashMap<>();
        dsl.select(LOCATION.ID, LOCATION.PATH).from(LOCATION).where(LOCATION.ID.in(scope.locationIds()))
                .orderBy(LOCATION.PATH).forEach(r -> locations.put(r.value1(), r.value2()));
        List<AuditSnapshot.ExpectedUnit> expected = dsl.select(UNIT.ID, UNIT.INTERNAL_ID, UNIT.SERIAL, UNIT.SERIAL_NORM,
                        DSL.coalesce(UNIT.GTIN, PRODUCT.GTIN), AUDIT_EXPECTED.LOCATION_ID, UNIT.PARENT_UNIT_ID, PRODUCT.NAME)
                .from(AUDIT_EXPECTED).join(UNIT).on(UNIT.ID.eq(AUDIT_EXPECTED.UNIT_ID))
                .join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .where(AUDIT_EXPECTED.AUDIT_ID.eq(auditId))
                .fetch(r -> new AuditSnapshot.ExpectedUnit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
        Set<Long> products = new HashSet<>();
        if (scope.productId() != null) {
            products.add(scope.productId());
        }
        products.addAll(dsl.selectDistinct(UNIT.PRODUCT_ID).from(AUDIT_EXPECTED).join(UNIT).on(UNIT.ID.eq(AUDIT_EXPECTED.UNIT_ID))
                .where(AUDIT_EXPECTED.AUDIT_ID.eq(auditId)).fetch(UNIT.PRODUCT_ID));
        Map<String, FormatRule> rules = new LinkedHashMap<>();
        dsl.selectDistinct(FORMAT_RULE.asterisk()).from(FORMAT_RULE).join(PRODUCT).on(PRODUCT.FORMAT_RULE_ID.eq(FORMAT_RULE.ID))
                .where(PRODUCT.ID.in(products)).orderBy(FORMAT_RULE.NAME).fetchInto(FORMAT_RULE)
                .forEach(r -> rules.put(r.getName(), new FormatRule(r.getMinLength(), r.getMaxLength(), r.getCharset(),
                        r.getPattern(), CheckScheme.fromCode(r.getCheckScheme().getLiteral()),
                        CasePolicy.fromCode(r.getCasePolicy().getLiteral()))));
        return new AuditSnapshot(a.getId(), a.getCode(), a.getSiteId(), a.getStatus().getLiteral(), a.getAuditor(),
                a.getStartedAt(), scope, locations, expected, rules);
    }

    /** The scans stored so far, in order (to resume an audit after a restart). */
    public List<AuditScan> scans(long auditId) {
        return dsl.selectFrom(AUDIT_SCAN).where(AUDIT_SCAN.AUDIT_ID.eq(auditId)).orderBy(AUDIT_SCAN.SEQ)
                .fetch(r -> new AuditScan(auditId, r.getClientScanId(), r.getSeq(), r.getScannedAt(), r.getLocationId(),
                        r.getRawInput(), r.getCaptureMethod() == CaptureMethod.manual, r.getManualReason(), r.getUnitId(),
                        ScanClass.valueOf(r.getClassification().name().toUpperCase(java.util.Locale.ROOT)), r.getDetail()));
    }

    /**
     * Stores one scan; false when it was stored before (a replay): the client scan id is unique,
     * so a journal replayed twice stores each scan once. Unknown, invalid, duplicate and manual
     * captures also go to the capture-exception queue, in the same transaction.
     */
    public boolean recordScan(AuditScan s) {
        return store(s).isNew();
    }

    /** A scan as the database holds it, and whether this call stored it (false: a replay). */
    public record Stored(AuditScan scan, boolean isNew) {
    }

    /**
     * {@link #recordScan}, returning the scan as stored: a {@link ScanClass#RETROFITTED} scan creates
     * its unit from the stock in the same transaction and comes back with the unit's id, or, when the
     * stock or the serial refuses it (nothing left untracked, serial already on file), as
     * {@link ScanClass#INVALID} saying why; a replay comes back as first stored.
     */
    public Stored store(AuditScan s) {
        if (s.classification() == ScanClass.PENDING) {
            throw new IllegalArgumentException("classify the scan before storing it");
        }
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            var stored = db.insertInto(AUDIT_SCAN)
                    .set(AUDIT_SCAN.AUDIT_ID, s.auditId())
                    .set(AUDIT_SCAN.CLIENT_SCAN_ID, s.clientScanId())
                    .set(AUDIT_SCAN.SEQ, s.seq())
                    .set(AUDIT_SCAN.SCANNED_AT, s.scannedAt())
                    .set(AUDIT_SCAN.LOCATION_ID, s.locationId())
                    .set(AUDIT_SCAN.RAW_INPUT, s.rawInput())
                    .set(AUDIT_SCAN.CAPTURE_METHOD, s.manual() ? CaptureMethod.manual : CaptureMethod.scan)
                    .set(AUDIT_SCAN.MANUAL_REASON, s.manualReason())
                    .set(AUDIT_SCAN.UNIT_ID, s.unitId())
                    .set(AUDIT_SCAN.CLASSIFICATION, ScanClassification.valueOf(s.classification().dbLiteral()))
                    .set(AUDIT_SCAN.DETAIL, s.detail())
                    .set(AUDIT_SCAN.STOCK_ID, s.stockId())
                    .onConflict(AUDIT_SCAN.CLIENT_SCAN_ID).doNothing()
                    .returning(AUDIT_SCAN.ID)
                    .fetchOptional();
            if (stored.isEmpty()) {
                return new Stored(asStored(db, s), false);
            }
            AuditScan scan = s;
            if (s.classification() == ScanClass.RETROFITTED) {
                scan = retrofit(db, s);
                db.update(AUDIT_SCAN).set(AUDIT_SCAN.UNIT_ID, scan.unitId())
                        .set(AUDIT_SCAN.CLASSIFICATION, ScanClassification.valueOf(scan.classification().dbLiteral()))
                        .set(AUDIT_SCAN.DETAIL, scan.detail())
                        .where(AUDIT_SCAN.ID.eq(stored.get().getId())).execute();
            }
            CaptureExceptionKind kind = switch (scan.classification()) {
                case UNKNOWN -> CaptureExceptionKind.unknown_serial;
                case INVALID -> CaptureExceptionKind.invalid_format;
                case DUPLICATE -> CaptureExceptionKind.duplicate;
                default -> scan.manual() ? CaptureExceptionKind.manual_unverified : null;
            };
            if (kind != null) {
                db.insertInto(CAPTURE_EXCEPTION)
                        .set(CAPTURE_EXCEPTION.KIND, kind)
                        .set(CAPTURE_EXCEPTION.RAW_INPUT, scan.rawInput())
                        .set(CAPTURE_EXCEPTION.UNIT_ID, scan.unitId())
                        .set(CAPTURE_EXCEPTION.SITE_ID, DSL.select(SPOT_AUDIT.SITE_ID).from(SPOT_AUDIT).where(SPOT_AUDIT.ID.eq(scan.auditId())))
                        .set(CAPTURE_EXCEPTION.LOCATION_ID, scan.locationId())
                        .set(CAPTURE_EXCEPTION.OCCURRED_AT, scan.scannedAt())
                        .set(CAPTURE_EXCEPTION.DETAIL, scan.manual() && kind == CaptureExceptionKind.manual_unverified
                                ? "typed by hand: " + scan.manualReason() : scan.detail())
                        .set(CAPTURE_EXCEPTION.AUDIT_SCAN_ID, stored.get().getId())
                        .execute();
            }
            return new Stored(scan, true);
        });
    }

    /** The unit a retrofitted scan creates, in a savepoint: a refusal leaves the scan stored as invalid. */
    private static AuditScan retrofit(DSLContext db, AuditScan s) {
        String serial = s.rawInput().strip();
        try {
            long unit = new StockRetrofit(db).capture(s.stockId(), serial, !s.manual(), s.rawInput(), s.manualReason(), s.scannedAt());
            return s.classifiedAs(Classification.of(ScanClass.RETROFITTED, unit,
                    "serialised from stock: a new unit, its earlier history unknown"));
        } catch (IllegalStateException | IllegalArgumentException refused) {
            return s.classifiedAs(Classification.of(ScanClass.INVALID, null, "not serialised from stock: " + refused.getMessage()));
        } catch (DataAccessException e) {
            String state = e.sqlState();
            if ("23505".equals(state)) {
                return s.classifiedAs(Classification.of(ScanClass.INVALID, null,
                        "not serialised from stock: serial " + serial + " is already on file for this product"));
            }
            if (state != null && (state.startsWith("23") || state.startsWith("22") || state.equals("P0001"))) {
                return s.classifiedAs(Classification.of(ScanClass.INVALID, null, "not serialised from stock: " + e.getMessage()));
            }
            throw e;   // connection trouble: the whole scan waits in the journal and is sent again
        }
    }

    private static AuditScan asStored(DSLContext db, AuditScan s) {
        var r = db.select(AUDIT_SCAN.UNIT_ID, AUDIT_SCAN.CLASSIFICATION, AUDIT_SCAN.DETAIL).from(AUDIT_SCAN)
                .where(AUDIT_SCAN.CLIENT_SCAN_ID.eq(s.clientScanId())).fetchOne();
        ScanClass kind = ScanClass.valueOf(r.value2().getLiteral().toUpperCase(java.util.Locale.ROOT));
        return s.classifiedAs(new Classification(kind, r.value1(), r.value3(), List.of(), 0));
    }

    /** Closes the audit in the database ({@code close_spot_audit}) and returns its discrepancies. */
    public List<Discrepancy> close(long auditId) {
        Routines.closeSpotAudit(dsl.configuration(), auditId);
        return discrepancies(auditId);
    }

    /** The audit's header with its counts. */
    public SpotAuditRecord audit(long auditId) {
        return dsl.selectFrom(SPOT_AUDIT).where(SPOT_AUDIT.ID.eq(auditId)).fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("no audit with id " + auditId));
    }

    public List<Discrepancy> discrepancies(long auditId) {
        var scan = AUDIT_SCAN.as("s");
        return dsl.select(AUDIT_DISCREPANCY.asterisk(), UNIT.SERIAL, UNIT.INTERNAL_ID, LOCATION.PATH, scan.RAW_INPUT, scan.DETAIL)
                .from(AUDIT_DISCREPANCY)
                .leftJoin(UNIT).on(UNIT.ID.eq(AUDIT_DISCREPANCY.UNIT_ID))
                .leftJoin(LOCATION).on(LOCATION.ID.eq(AUDIT_DISCREPANCY.LOCATION_ID))
                .leftJoin(scan).on(scan.ID.eq(AUDIT_DISCREPANCY.SCAN_ID))
                .where(AUDIT_DISCREPANCY.AUDIT_ID.eq(auditId))
                .orderBy(AUDIT_DISCREPANCY.KIND, AUDIT_DISCREPANCY.ID)
                .fetch(r -> new Discrepancy(r.get(AUDIT_DISCREPANCY.ID), auditId, r.get(AUDIT_DISCREPANCY.KIND).getLiteral(),
                        r.get(AUDIT_DISCREPANCY.UNIT_ID), r.get(UNIT.SERIAL), r.get(UNIT.INTERNAL_ID), r.get(LOCATION.PATH),
                        r.get(scan.RAW_INPUT), r.get(scan.DETAIL),
                        r.get(AUDIT_DISCREPANCY.RESOLUTION) == null ? null : r.get(AUDIT_DISCREPANCY.RESOLUTION).getLiteral(),
                        r.get(AUDIT_DISCREPANCY.RESOLUTION_REASON), r.get(AUDIT_DISCREPANCY.RESOLVED_BY),
                        r.get(AUDIT_DISCREPANCY.RESOLVED_AT), r.get(AUDIT_DISCREPANCY.RESOLUTION_EVENT_ID)));
    }

    /**
     * Resolves a discrepancy of a closed audit. The resolution is a {@code cycle_counting} custody
     * event on the unit (never an edit of the unit): move the record here, mark lost, recount
     * (found where the record says), escalate to quality (held, non-sellable). An unknown serial
     * has no unit: its resolution is recorded on the discrepancy, and the unit is matched or
     * created in the capture-exception queue.
     *
     * @return the custody event id, or null for an unknown serial
     */
    public Long resolve(long discrepancyId, Resolution resolution, String reason, String resolvedBy, OffsetDateTime at) {
        Objects.requireNonNull(resolution);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why: a resolution needs a reason");
        }
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            AuditDiscrepancyRecord d = db.selectFrom(AUDIT_DISCREPANCY).where(AUDIT_DISCREPANCY.ID.eq(discrepancyId))
                    .forUpdate().fetchOptional()
                    .orElseThrow(() -> new IllegalArgumentException("no discrepancy with id " + discrepancyId));
            if (d.getResolvedAt() != null) {
                throw new IllegalStateException("this discrepancy was already resolved (" + d.getResolution().getLiteral() + ")");
            }
            Record audit = db.select(SPOT_AUDIT.CODE, SPOT_AUDIT.STATUS, SITE.TIME_ZONE).from(SPOT_AUDIT)
                    .join(SITE).on(SITE.ID.eq(SPOT_AUDIT.SITE_ID)).where(SPOT_AUDIT.ID.eq(d.getAuditId())).fetchOne();
            if (audit.get(SPOT_AUDIT.STATUS) != AuditStatus.closed) {
                throw new IllegalStateException("discrepancies are resolved after the audit is closed and before it is signed");
            }
            Long eventId = null;
            if (d.getUnitId() != null) {
                eventId = new CustodyCommands(db).record(resolutionEvent(db, d, resolution, reason, at,
                        audit.get(SITE.TIME_ZONE), audit.get(SPOT_AUDIT.CODE))).eventId();
            } else if (resolution == Resolution.MOVE_RECORD || resolution == Resolution.MARK_LOST) {
                throw new IllegalArgumentException("an unknown serial has no record to move or mark lost: "
                        + "recount it, or escalate it and match or create the unit in the exception queue");
            }
            db.update(AUDIT_DISCREPANCY)
                    .set(AUDIT_DISCREPANCY.RESOLUTION, DiscrepancyResolution.valueOf(resolution.name().toLowerCase(java.util.Locale.ROOT)))
                    .set(AUDIT_DISCREPANCY.RESOLUTION_REASON, reason.strip())
                    .set(AUDIT_DISCREPANCY.RESOLVED_BY, resolvedBy == null ? DSL.currentUser() : DSL.val(resolvedBy))
                    .set(AUDIT_DISCREPANCY.RESOLVED_AT, at)
                    .set(AUDIT_DISCREPANCY.RESOLUTION_EVENT_ID, eventId)
                    .where(AUDIT_DISCREPANCY.ID.eq(discrepancyId)).execute();
            return eventId;
        });
    }

    private static NewCustodyEvent resolutionEvent(DSLContext db, AuditDiscrepancyRecord d, Resolution resolution,
                                                   String reason, OffsetDateTime at, String zone, String auditCode) {
        UnitRecord unit = db.selectFrom(UNIT).where(UNIT.ID.eq(d.getUnitId())).fetchOne();
        boolean missing = d.getKind().getLiteral().equals("missing");
        Long here = d.getLocationId();
        Long recorded = unit.getLocationId();
        Disposition current = unit.getStatus() == null ? Disposition.sellable_accessible
                : Disposition.valueOf(unit.getStatus().getLiteral());
        Long from;
        Long to;
        Disposition disposition;
        switch (resolution) {
            case MOVE_RECORD -> {
                if (missing) {
                    throw new IllegalArgumentException("a missing unit's record already puts it here; mark it lost, recount or escalate");
                }
                from = recorded;
                to = here;
                disposition = Disposition.sellable_accessible;
            }
            case MARK_LOST -> {
                from = recorded;
                to = null;
                disposition = Disposition.unknown;
            }
            case RECOUNT -> {
                from = null;
                to = missing ? here : recorded;
                disposition = current;
            }
            case ESCALATE -> {
                from = null;
                to = missing ? recorded : here;
                disposition = Disposition.non_sellable_other;
            }
            default -> throw new IllegalStateException();
        }
        return new NewCustodyEvent(d.getUnitId(), at, zone, BizStep.cycle_counting, disposition, from, to, null, null,
                null, List.of(), new NewCustodyEvent.Capture(NewCustodyEvent.Capture.Method.system, null, null,
                "spot audit " + auditCode + ": " + resolution.label().toLowerCase(java.util.Locale.ROOT) + " — " + reason.strip()),
                null);
    }

    /**
     * SHA-256 of the audit's canonical form: scope, expected units, scans, discrepancies and their
     * resolutions (not its status, which signing changes). Any change to what was signed changes it.
     */
    public byte[] contentHash(long auditId) {
        StringBuilder c = new StringBuilder();
        SpotAuditRecord a = audit(auditId);
        line(c, "audit", a.getCode(), a.getSiteId(), canonicalScope(a), a.getAuditor(), ts(a.getStartedAt()), ts(a.getClosedAt()),
                a.getExpectedCount(), a.getFoundCount(), a.getMissingCount(), a.getUnexpectedCount());
        dsl.selectFrom(AUDIT_EXPECTED).where(AUDIT_EXPECTED.AUDIT_ID.eq(auditId)).orderBy(AUDIT_EXPECTED.UNIT_ID)
                .forEach(e -> line(c, "expected", e.getUnitId(), e.getLocationId()));
        dsl.selectFrom(AUDIT_SCAN).where(AUDIT_SCAN.AUDIT_ID.eq(auditId)).orderBy(AUDIT_SCAN.SEQ)
                .forEach(s -> line(c, "scan", s.getSeq(), s.getClientScanId(), ts(s.getScannedAt()), s.getLocationId(),
                        s.getRawInput(), s.getCaptureMethod().getLiteral(), s.getManualReason(), s.getUnitId(),
                        s.getClassification().getLiteral(), s.getDetail()));
        dsl.selectFrom(AUDIT_DISCREPANCY).where(AUDIT_DISCREPANCY.AUDIT_ID.eq(auditId)).orderBy(AUDIT_DISCREPANCY.ID)
                .forEach(d -> line(c, "discrepancy", d.getId(), d.getKind().getLiteral(), d.getUnitId(), d.getScanId(),
                        d.getLocationId(), d.getResolution() == null ? null : d.getResolution().getLiteral(),
                        d.getResolutionReason(), d.getResolvedBy(), ts(d.getResolvedAt()), d.getResolutionEventId()));
        try {
            return MessageDigest.getInstance("SHA-256").digest(c.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonicalScope(SpotAuditRecord a) {
        AuditScope s = AuditScopes.parse(a.getScope());
        return s.rootPath() + "|" + s.productId() + "|" + s.category() + "|" + s.sample() + "|"
                + s.locationIds().stream().sorted().map(String::valueOf).reduce((x, y) -> x + "," + y).orElse("");
    }

    private static String ts(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).format(INSTANT);
    }

    /** Fields separated by US, lines by LF; null written as an empty field with a marker so "" ≠ null. */
    private static void line(StringBuilder c, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                c.append('\u001f');
            }
            c.append(fields[i] == null ? "\u2400" : fields[i].toString());
        }
        c.append('\n');
    }

    /** Marks an audit signed (after a valid signature is stored by the signature service). */
    public void markSigned(long auditId) {
        dsl.update(SPOT_AUDIT).set(SPOT_AUDIT.STATUS, AuditStatus.signed)
                .where(SPOT_AUDIT.ID.eq(auditId)).and(SPOT_AUDIT.STATUS.eq(AuditStatus.closed)).execute();
    }

    /** Closed audits, newest first, optionally only those counting a location or by an auditor. */
    public List<AuditHistoryRow> history(Long locationId, String auditor, int limit) {
        var where = DSL.noCondition();
        if (locationId != null) {
            where = where.and(SPOT_AUDIT_ACCURACY.AUDIT_ID.in(DSL.select(AUDIT_SCOPE_LOCATION.AUDIT_ID)
                    .from(AUDIT_SCOPE_LOCATION).where(AUDIT_SCOPE_LOCATION.LOCATION_ID.eq(locationId))));
        }
        if (auditor != null && !auditor.isBlank()) {
            where = where.and(SPOT_AUDIT_ACCURACY.AUDITOR.eq(auditor));
        }
        return dsl.selectFrom(SPOT_AUDIT_ACCURACY).where(where).orderBy(SPOT_AUDIT_ACCURACY.CLOSED_AT.desc()).limit(limit)
                .fetch(r -> new AuditHistoryRow(r.getAuditId(), r.getCode(), r.getAuditor(), r.getStatus().getLiteral(),
                        r.getStartedAt(), r.getClosedAt(), nz(r.getExpectedCount()), nz(r.getFoundCount()),
                        nz(r.getMissingCount()), nz(r.getUnexpectedCount()),
                        r.getAccuracy() == null ? null : r.getAccuracy().doubleValue()));
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    /** One closed audit with its counts and record accuracy. */
    public record AuditHistoryRow(long id, String code, String auditor, String status, OffsetDateTime startedAt,
                                  OffsetDateTime closedAt, int expected, int found, int missing, int unexpected,
                                  Double accuracy) {
    }

}
