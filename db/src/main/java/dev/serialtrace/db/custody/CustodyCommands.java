package dev.serialtrace.db.custody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.core.lifecycle.LifecycleRules;
import dev.serialtrace.db.jooq.Routines;
import dev.serialtrace.db.jooq.enums.CaptureMethod;
import dev.serialtrace.db.jooq.tables.records.UnitRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/**
 * The one write path for custody history. In one transaction it locks the unit, judges the
 * step against the lifecycle rules and the unit's latest event, and appends the event; the
 * database then derives the unit's current state from it (trigger), so the two cannot disagree.
 * Illegal or out-of-order events are recorded and flagged, never dropped.
 */
public final class CustodyCommands {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DSLContext dsl;

    public CustodyCommands(DSLContext dsl) {
        this.dsl = dsl;
    }

    public RecordedEvent record(NewCustodyEvent e) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            UnitRecord unit = db.selectFrom(UNIT).where(UNIT.ID.eq(e.unitId())).forUpdate().fetchOptional()
                    .orElseThrow(() -> new IllegalArgumentException("no unit with id " + e.unitId()));

            List<String> reasons = new ArrayList<>();
            boolean outOfOrder = unit.getLastEventAt() != null && e.occurredAt().isBefore(unit.getLastEventAt());
            if (outOfOrder) {
                reasons.add("occurred before the unit's latest event (" + unit.getLastEventAt() + ")");
            }
            Optional<String> illegal = outOfOrder ? Optional.empty() : LifecycleRules.violation(
                    unit.getLastBizStep() == null ? null : BizStep.valueOf(unit.getLastBizStep().getLiteral()),
                    unit.getStatus() == null ? null : Disposition.valueOf(unit.getStatus().getLiteral()),
                    e.bizStep());
            illegal.ifPresent(reasons::add);

            // a day either side: month partitions are cut in the server's time zone, not the event's
            LocalDate day = e.occurredAt().toLocalDate();
            Routines.ensureCustodyPartitions(db.configuration(), day.minusDays(1), day.plusDays(1));
            long id = db.insertInto(CUSTODY_EVENT)
                    .set(CUSTODY_EVENT.UNIT_ID, e.unitId())
                    .set(CUSTODY_EVENT.OCCURRED_AT, e.occurredAt())
                    .set(CUSTODY_EVENT.OCCURRED_ZONE, e.occurredZone())
                    .set(CUSTODY_EVENT.BIZ_STEP, dev.serialtrace.db.jooq.enums.BizStep.valueOf(e.bizStep().name()))
                    .set(CUSTODY_EVENT.DISPOSITION, dev.serialtrace.db.jooq.enums.Disposition.valueOf(e.disposition().name()))
                    .set(CUSTODY_EVENT.FROM_LOCATION_ID, e.fromLocationId())
                    .set(CUSTODY_EVENT.TO_LOCATION_ID, e.toLocationId())
                    .set(CUSTODY_EVENT.SOURCE_PARTY_ID, e.sourcePartyId())
                    .set(CUSTODY_EVENT.DESTINATION_PARTY_ID, e.destinationPartyId())
                    .set(CUSTODY_EVENT.PARENT_UNIT_ID, e.parentUnitId())
                    .set(CUSTODY_EVENT.BIZ_TRANSACTIONS, json(e.bizTransactions()))
                    .set(CUSTODY_EVENT.CAPTURE_METHOD, captureMethod(e.capture().method()))
                    .set(CUSTODY_EVENT.RAW_SCAN, e.capture().rawScan())
                    .set(CUSTODY_EVENT.MANUAL_REASON, e.capture().manualReason())
                    .set(CUSTODY_EVENT.DEVICE, e.capture().device())
                    .set(CUSTODY_EVENT.CORRECTS_EVENT_ID, e.correctsEventId())
                    .set(CUSTODY_EVENT.IS_ILLEGAL_TRANSITION, illegal.isPresent())
                    .set(CUSTODY_EVENT.IS_OUT_OF_ORDER, outOfOrder)
                    .set(CUSTODY_EVENT.FLAG_REASON, reasons.isEmpty() ? null : String.join("; ", reasons))
                    .returning(CUSTODY_EVENT.ID)
                    .fetchOne()
                    .getId();
            return new RecordedEvent(id, illegal.isPresent(), outOfOrder,
                    reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons)));
        });
    }

    private static CaptureMethod captureMethod(NewCustodyEvent.Capture.Method m) {
        return m == NewCustodyEvent.Capture.Method.import_ ? CaptureMethod.import_ : CaptureMethod.valueOf(m.name());
    }

    private static JSONB json(List<NewCustodyEvent.BizTransaction> transactions) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(transactions));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
