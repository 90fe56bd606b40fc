package dev.serialtrace.db.unit;

import dev.serialtrace.core.warranty.ClaimSignals;
import dev.serialtrace.db.jooq.enums.ShipmentDirection;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.LocalDate;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.PARTY;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SHIPMENT;
import static dev.serialtrace.db.jooq.Tables.SHIPMENT_UNIT;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static dev.serialtrace.db.jooq.Tables.WARRANTY_CLAIM;

/** Sale (latest outbound shipment), warranty end and claims of a unit. */
public final class WarrantyQuery {
    private final DSLContext dsl;

    public WarrantyQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public WarrantyRecord fetch(long unitId) {
        Integer months = dsl.select(PRODUCT.WARRANTY_MONTHS).from(UNIT).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .where(UNIT.ID.eq(unitId)).fetchOne(PRODUCT.WARRANTY_MONTHS, Integer.class);
        Record sale = dsl.select(SHIPMENT.SHIPPED_AT, SHIPMENT.PARTY_ID, SHIPMENT.REGION, SHIPMENT.CHANNEL,
                        SHIPMENT.NUMBER, PARTY.NAME)
                .from(SHIPMENT_UNIT).join(SHIPMENT).on(SHIPMENT.ID.eq(SHIPMENT_UNIT.SHIPMENT_ID))
                .join(PARTY).on(PARTY.ID.eq(SHIPMENT.PARTY_ID))
                .where(SHIPMENT_UNIT.UNIT_ID.eq(unitId)).and(SHIPMENT.DIRECTION.eq(ShipmentDirection.outbound))
                .and(SHIPMENT.SHIPPED_AT.isNotNull())
                .orderBy(SHIPMENT.SHIPPED_AT.desc()).limit(1).fetchOne();
        ClaimSignals.Sale judgedSale = sale == null ? null : new ClaimSignals.Sale(sale.get(SHIPMENT.SHIPPED_AT),
                sale.get(SHIPMENT.PARTY_ID), sale.get(SHIPMENT.REGION), sale.get(SHIPMENT.CHANNEL));

        List<WarrantyRecord.ClaimEntry> claims = dsl.select(WARRANTY_CLAIM.asterisk(), PARTY.NAME)
                .from(WARRANTY_CLAIM).join(PARTY).on(PARTY.ID.eq(WARRANTY_CLAIM.CLAIMANT_ID))
                .where(WARRANTY_CLAIM.UNIT_ID.eq(unitId)).orderBy(WARRANTY_CLAIM.OPENED_AT)
                .fetch(r -> new WarrantyRecord.ClaimEntry(r.get(WARRANTY_CLAIM.CLAIM_NUMBER), r.get(PARTY.NAME),
                        r.get(WARRANTY_CLAIM.OPENED_AT), r.get(WARRANTY_CLAIM.DECIDED_AT),
                        r.get(WARRANTY_CLAIM.OUTCOME).getLiteral(), r.get(WARRANTY_CLAIM.REGION), r.get(WARRANTY_CLAIM.REASON),
                        ClaimSignals.of(judgedSale, new ClaimSignals.Claim(r.get(WARRANTY_CLAIM.OPENED_AT),
                                r.get(WARRANTY_CLAIM.CLAIMANT_ID), r.get(WARRANTY_CLAIM.REGION), r.get(WARRANTY_CLAIM.CHANNEL)))));

        LocalDate ends = sale == null || months == null ? null
                : sale.get(SHIPMENT.SHIPPED_AT).toLocalDate().plusMonths(months);
        return new WarrantyRecord(sale == null ? null : sale.get(SHIPMENT.SHIPPED_AT), sale == null ? null : sale.get(PARTY.NAME),
                sale == null ? null : sale.get(SHIPMENT.REGION), sale == null ? null : sale.get(SHIPMENT.NUMBER),
                months, ends, claims);
    }
}
