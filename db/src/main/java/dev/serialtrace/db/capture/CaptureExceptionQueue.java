package dev.serialtrace.db.capture;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.db.custody.CustodyCommands;
import dev.serialtrace.db.custody.NewCustodyEvent;
import dev.serialtrace.db.custody.NewUnits;
import dev.serialtrace.db.jooq.enums.CaptureExceptionKind;
import dev.serialtrace.db.jooq.enums.CaptureExceptionStatus;
import dev.serialtrace.db.jooq.tables.records.CaptureExceptionRecord;
import dev.serialtrace.db.jooq.tables.records.UnitRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.serialtrace.db.jooq.Tables.CAPTURE_EXCEPTION;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SITE;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/**
 * The exceptions capture produces (unknown serial, invalid format, duplicate, manual entry without
 * verification, shipment without dispatch scan), in one queue. Each is resolved by matching it to
 * a unit, creating the unit, or rejecting it, always with a reason. Matching and creating record a
 * {@code cycle_counting} custody event on the unit, which is how the capture enters its history;
 * a rejection has no unit to carry an event and is kept on the exception itself.
 */
public final class CaptureExceptionQueue {
    /** What the queue can be narrowed to; null fields do not filter. */
    public record Filter(Kind kind, Status status, Long siteId, String text) {
        public static final Filter OPEN = new Filter(null, Status.OPEN, null, null);
    }

    public enum Kind {
        UNKNOWN_SERIAL("Unknown serial"), INVALID_FORMAT("Invalid format"), DUPLICATE("Duplicate"),
        MANUAL_UNVERIFIED("Manual entry, unverified"), SHIPMENT_WITHOUT_DISPATCH_SCAN("Shipped without dispatch scan");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        CaptureExceptionKind db() {
            return CaptureExceptionKind.valueOf(name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public enum Status {
        OPEN, MATCHED, CREATED, REJECTED;

        @Override
        public String toString() {
            return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }

        CaptureExceptionStatus db() {
            return CaptureExceptionStatus.valueOf(name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final DSLContext dsl;

    public CaptureExceptionQueue(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Open exceptions per kind (the counts beside the filters). */
    public Map<Kind, Integer> openCounts() {
        Map<Kind, Integer> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            out.put(k, 0);
        }
        dsl.select(CAPTURE_EXCEPTION.KIND, DSL.count()).from(CAPTURE_EXCEPTION)
                .where(CAPTURE_EXCEPTION.STATUS.eq(CaptureExceptionStatus.open))
                .groupBy(CAPTURE_EXCEPTION.KIND)
                .forEach(r -> out.put(Kind.valueOf(r.value1().name().toUpperCase(java.util.Locale.ROOT)), r.value2()));
        return out;
    }

    /** The newest first. */
    public List<CaptureExceptionRow> list(Filter filter, int limit) {
        Condition where = DSL.noCondition();
        if (filter.kind() != null) {
            where = where.and(CAPTURE_EXCEPTION.KIND.eq(filter.kind().db()));
        }
        if (filter.status() != null) {
            where = where.and(CAPTURE_EXCEPTION.STATUS.eq(filter.status().db()));
        }
        if (filter.siteId() != null) {
            where = where.and(CAPTURE_EXCEPTION.SITE_ID.eq(filter.siteId()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String t = "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(CAPTURE_EXCEPTION.RAW_INPUT.likeIgnoreCase(t, '\\').or(CAPTURE_EXCEPTION.DETAIL.likeIgnoreCase(t, '\\')));
        }
        return dsl.select(CAPTURE_EXCEPTION.asterisk(), PRODUCT.NAME, UNIT.SERIAL, SITE.CODE, LOCATION.PATH)
                .from(CAPTURE_EXCEPTION)
                .leftJoin(PRODUCT).on(PRODUCT.ID.eq(CAPTURE_EXCEPTION.PRODUCT_ID))
                .leftJoin(UNIT).on(UNIT.ID.eq(CAPTURE_EXCEPTION.UNIT_ID))
                .leftJoin(SITE).on(SITE.ID.eq(CAPTURE_EXCEPTION.SITE_ID))
                .leftJoin(LOCATION).on(LOCATION.ID.eq(CAPTURE_EXCEPTION.LOCATION_ID))
                .where(where)
                .orderBy(CAPTURE_EXCEPTION.OCCURRED_AT.desc(), CAPTURE_EXCEPTION.ID.desc())
                .limit(limit)
                .fetch(r -> new CaptureExceptionRow(r.get(CAPTURE_EXCEPTION.ID), r.get(CAPTURE_EXCEPTION.KIND).getLiteral(),
                        r.get(CAPTURE_EXCEPTION.STATUS).getLiteral(), r.get(CAPTURE_EXCEPTION.RAW_INPUT),
                        r.get(CAPTURE_EXCEPTION.PRODUCT_ID), r.get(PRODUCT.NAME), r.get(CAPTURE_EXCEPTION.UNIT_ID),
                        r.get(UNIT.SERIAL), r.get(SITE.CODE), r.get(CAPTURE_EXCEPTION.LOCATION_ID), r.get(LOCATION.PATH),
                        r.get(CAPTURE_EXCEPTION.OCCURRED_AT), r.get(CAPTURE_EXCEPTION.CAPTURED_BY), r.get(CAPTURE_EXCEPTION.DETAIL),
                        r.get(CAPTURE_EXCEPTION.RESOLUTION_REASON), r.get(CAPTURE_EXCEPTION.RESOLVED_BY),
                        r.get(CAPTURE_EXCEPTION.RESOLVED_AT), r.get(CAPTURE_EXCEPTION.RESOLUTION_EVENT_ID)));
    }

    /** The capture was this unit: a custody event on the unit records it (at the capture's location, if known). */
    public long match(long exceptionId, long unitId, String reason, OffsetDateTime at) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            CaptureExceptionRecord x = open(db, exceptionId, reason);
            UnitRecord unit = db.selectFrom(UNIT).where(UNIT.ID.eq(unitId)).fetchOptional()
                    .orElseThrow(() -> new IllegalArgumentException("no unit with id " + unitId));
            Disposition status = unit.getStatus() == null ? Disposition.sellable_accessible
                    : Disposition.valueOf(unit.getStatus().getLiteral());
            long event = new CustodyCommands(db).record(event(db, x, unitId, status, reason, "matched")).eventId();
            resolve(db, x, CaptureExceptionStatus.matched, unitId, reason, at, event);
            return event;
        });
    }

    /** Serial-tracked products a new unit can be created as, by SKU. */
    public List<ProductChoice> productChoices() {
        return dsl.select(PRODUCT.ID, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.GTIN).from(PRODUCT)
                .where(PRODUCT.TRACKING_MODE.eq(dev.serialtrace.db.jooq.enums.TrackingMode.serial))
                .orderBy(PRODUCT.SKU)
                .fetch(r -> new ProductChoice(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The capture was a real unit not on file: it is created (history known only from now) and the event recorded. */
    public long create(long exceptionId, long productId, String serial, String reason, OffsetDateTime at) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            CaptureExceptionRecord x = open(db, exceptionId, reason);
            long unit = NewUnits.create(db, productId, serial, null, null, at);
            long event = new CustodyCommands(db).record(event(db, x, unit, Disposition.sellable_accessible, reason, "created")).eventId();
            db.update(CAPTURE_EXCEPTION).set(CAPTURE_EXCEPTION.PRODUCT_ID, productId).where(CAPTURE_EXCEPTION.ID.eq(exceptionId)).execute();
            resolve(db, x, CaptureExceptionStatus.created, unit, reason, at, event);
            return unit;
        });
    }

    /** Not a unit (a misread, a test label): closed with the reason, no unit touched. */
    public void reject(long exceptionId, String reason, OffsetDateTime at) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            CaptureExceptionRecord x = open(db, exceptionId, reason);
            resolve(db, x, CaptureExceptionStatus.rejected, x.getUnitId(), reason, at, null);
        });
    }

    private static CaptureExceptionRecord open(DSLContext db, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why: a resolution needs a reason");
        }
        CaptureExceptionRecord x = db.selectFrom(CAPTURE_EXCEPTION).where(CAPTURE_EXCEPTION.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("no capture exception " + id));
        if (x.getStatus() != CaptureExceptionStatus.open) {
            throw new IllegalStateException("this exception was already resolved (" + x.getStatus().getLiteral() + ")");
        }
        return x;
    }

    private static NewCustodyEvent event(DSLContext db, CaptureExceptionRecord x, long unitId, Disposition status,
                                         String reason, String verb) {
        String zone = x.getSiteId() == null ? "UTC"
                : db.select(SITE.TIME_ZONE).from(SITE).where(SITE.ID.eq(x.getSiteId())).fetchOne().value1();
        return new NewCustodyEvent(unitId, OffsetDateTime.now(), zone, BizStep.cycle_counting, status, null,
                x.getLocationId(), null, null, null, List.of(),
                new NewCustodyEvent.Capture(NewCustodyEvent.Capture.Method.manual, x.getRawInput(),
                        "capture exception " + x.getId() + " " + verb + ": " + reason.strip(), "exception queue"), null);
    }

    private static void resolve(DSLContext db, CaptureExceptionRecord x, CaptureExceptionStatus status, Long unitId,
                                String reason, OffsetDateTime at, Long eventId) {
        db.update(CAPTURE_EXCEPTION)
                .set(CAPTURE_EXCEPTION.STATUS, status)
                .set(CAPTURE_EXCEPTION.UNIT_ID, unitId)
                .set(CAPTURE_EXCEPTION.RESOLUTION_REASON, reason.strip())
                .set(CAPTURE_EXCEPTION.RESOLVED_BY, DSL.currentUser())
                .set(CAPTURE_EXCEPTION.RESOLVED_AT, at)
                .set(CAPTURE_EXCEPTION.RESOLUTION_EVENT_ID, eventId)
                .where(CAPTURE_EXCEPTION.ID.eq(x.getId())).execute();
    }
}
