package dev.serialtrace.db.unit;

import dev.serialtrace.db.jooq.enums.BizStep;
import dev.serialtrace.db.jooq.tables.CustodyEvent;
import dev.serialtrace.db.jooq.tables.Party;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import static dev.serialtrace.db.jooq.Tables.*;

/**
 * The firearms acquisition and disposition record (27 CFR 478.125): for each unit of an
 * ATF-tagged product, the acquisition (date, source with address or licence, manufacturer or
 * importer, model, serial, type, caliber or gauge) and the disposition (date, recipient with
 * address or licence, or destruction), from its custody events. A unit is listed when either
 * entry falls in the period.
 */
public final class FirearmsRecordQuery {
    private static final CustodyEvent ACQ = CUSTODY_EVENT.as("acq");
    private static final CustodyEvent DISP = CUSTODY_EVENT.as("disp");
    private static final Party SOURCE = PARTY.as("source");
    private static final Party RECIPIENT = PARTY.as("recipient");
    private static final Party MAKER = PARTY.as("maker");
    private static final List<BizStep> ACQUIRING = List.of(BizStep.receiving, BizStep.commissioning);
    private static final List<BizStep> DISPOSING = List.of(BizStep.shipping, BizStep.retail_selling,
            BizStep.destroying, BizStep.decommissioning);

    private final DSLContext dsl;

    public FirearmsRecordQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Entry(OffsetDateTime acquiredAt, String acquiredZone, String source, String sourceAddressOrLicence,
                        String manufacturer, String model, String serial, String type, String caliber,
                        OffsetDateTime disposedAt, String disposedZone, String dispositionStep, String recipient,
                        String recipientAddressOrLicence, String internalId) {
    }

    /** Entries with an acquisition or disposition in [from, to), by acquisition time; recorded up to {@code recordedUntil}. */
    public void stream(OffsetDateTime from, OffsetDateTime to, OffsetDateTime recordedUntil, Consumer<Entry> sink) {
        Table<?> acq = DSL.select(ACQ.OCCURRED_AT, ACQ.OCCURRED_ZONE, SOURCE.NAME, SOURCE.ADDRESS, SOURCE.LICENCE_NUMBER)
                .from(ACQ).leftJoin(SOURCE).on(SOURCE.ID.eq(ACQ.SOURCE_PARTY_ID))
                .where(ACQ.UNIT_ID.eq(UNIT.ID)).and(ACQ.OCCURRED_AT.between(UNIT.FIRST_EVENT_AT, UNIT.LAST_EVENT_AT))
                .and(ACQ.BIZ_STEP.in(ACQUIRING)).and(ACQ.RECORDED_AT.le(recordedUntil))
                .orderBy(ACQ.OCCURRED_AT, ACQ.ID).limit(1).asTable("a");
        Table<?> disp = DSL.select(DISP.OCCURRED_AT, DISP.OCCURRED_ZONE, DISP.BIZ_STEP, RECIPIENT.NAME, RECIPIENT.ADDRESS,
                        RECIPIENT.LICENCE_NUMBER)
                .from(DISP).leftJoin(RECIPIENT).on(RECIPIENT.ID.eq(DISP.DESTINATION_PARTY_ID))
                .where(DISP.UNIT_ID.eq(UNIT.ID)).and(DISP.OCCURRED_AT.between(UNIT.FIRST_EVENT_AT, UNIT.LAST_EVENT_AT))
                .and(DISP.BIZ_STEP.in(DISPOSING)).and(DISP.RECORDED_AT.le(recordedUntil))
                .orderBy(DISP.OCCURRED_AT.desc(), DISP.ID.desc()).limit(1).asTable("d");
        Field<OffsetDateTime> acquiredAt = acq.field(ACQ.OCCURRED_AT);
        Field<OffsetDateTime> disposedAt = disp.field(DISP.OCCURRED_AT);
        dsl.transaction(tx -> {
            try (Cursor<? extends Record> c = tx.dsl().select(acquiredAt, acq.field(ACQ.OCCURRED_ZONE), acq.field(SOURCE.NAME),
                            acq.field(SOURCE.ADDRESS), acq.field(SOURCE.LICENCE_NUMBER), MAKER.NAME, PRODUCT.FIREARM_MODEL,
                            PRODUCT.NAME, UNIT.SERIAL, PRODUCT.FIREARM_TYPE, PRODUCT.FIREARM_CALIBER, disposedAt,
                            disp.field(DISP.OCCURRED_ZONE), disp.field(DISP.BIZ_STEP), disp.field(RECIPIENT.NAME),
                            disp.field(RECIPIENT.ADDRESS), disp.field(RECIPIENT.LICENCE_NUMBER), UNIT.INTERNAL_ID)
                    .from(UNIT)
                    .join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                    .join(MAKER).on(MAKER.ID.eq(UNIT.MANUFACTURER_ID))
                    .leftJoin(DSL.lateral(acq)).on(DSL.trueCondition())
                    .leftJoin(DSL.lateral(disp)).on(disposedAt.ge(acquiredAt).or(acquiredAt.isNull()))
                    .where(PRODUCT.REGULATORY_TAGS.contains(new String[]{"ATF"}))
                    .and(UNIT.FIRST_EVENT_AT.lt(to))
                    .and(acquiredAt.ge(from).and(acquiredAt.lt(to)).or(disposedAt.ge(from).and(disposedAt.lt(to))))
                    .orderBy(acquiredAt.nullsFirst(), UNIT.SERIAL_NORM, UNIT.ID)
                    .fetchSize(5000).fetchLazy()) {
                for (Record r : c) {
                    String model = r.get(PRODUCT.FIREARM_MODEL) != null ? r.get(PRODUCT.FIREARM_MODEL) : r.get(PRODUCT.NAME);
                    BizStep step = r.get(disp.field(DISP.BIZ_STEP));
                    sink.accept(new Entry(r.get(acquiredAt), r.get(acq.field(ACQ.OCCURRED_ZONE)), r.get(acq.field(SOURCE.NAME)),
                            addressOrLicence(r.get(acq.field(SOURCE.LICENCE_NUMBER)), r.get(acq.field(SOURCE.ADDRESS))),
                            r.get(MAKER.NAME), model, r.get(UNIT.SERIAL), r.get(PRODUCT.FIREARM_TYPE),
                            r.get(PRODUCT.FIREARM_CALIBER), r.get(disposedAt), r.get(disp.field(DISP.OCCURRED_ZONE)),
                            step == null ? null : step.getLiteral(), r.get(disp.field(RECIPIENT.NAME)),
                            addressOrLicence(r.get(disp.field(RECIPIENT.LICENCE_NUMBER)), r.get(disp.field(RECIPIENT.ADDRESS))),
                            r.get(UNIT.INTERNAL_ID)));
                }
            }
        });
    }

    /** A licensee is identified by the licence number, anyone else by address (478.125(e)). */
    private static String addressOrLicence(String licence, String address) {
        if (licence != null && !licence.isBlank()) {
            return "FFL " + licence;
        }
        return address;
    }
}
