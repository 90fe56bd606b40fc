package dev.serialtrace.db.unit;

import dev.serialtrace.db.jooq.enums.ShipmentDirection;
import dev.serialtrace.db.jooq.tables.Party;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import static dev.serialtrace.db.jooq.Tables.*;

/**
 * Recall / trace-forward: every unit of a lot, a serial range of a product, or a product made in
 * a period, with its status and place, and for shipped units the customer and the shipment that
 * took it there. Streamed through a server-side cursor so a 100,000-unit lot never sits in memory.
 */
public final class RecallQuery {
    private static final Party HOLDER = PARTY.as("holder");
    private static final Party CUSTOMER = PARTY.as("customer");

    private final DSLContext dsl;

    public RecallQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What to recall: exactly one of lot, serial range or period, each optionally narrowed to a product SKU. */
    public record Scope(String lotCode, String productSku, String serialFrom, String serialTo, LocalDate producedFrom,
                        LocalDate producedTo) {
        public static Scope lot(String lotCode, String productSku) {
            return new Scope(lotCode, productSku, null, null, null, null);
        }

        public static Scope serialRange(String productSku, String from, String to) {
            return new Scope(null, productSku, from, to, null, null);
        }

        public static Scope period(String productSku, LocalDate from, LocalDate to) {
            return new Scope(null, productSku, null, null, from, to);
        }
    }

    public record RecallUnit(String internalId, String serial, String productSku, String lot, LocalDate expiry,
                             String status, String location, String holder, String customer, String customerAddress,
                             String shipment, OffsetDateTime shippedAt) {
    }

    /** Streams the units, by product then serial; the connection stays in one transaction while it runs. */
    public void stream(Scope scope, Consumer<RecallUnit> sink) {
        Condition where = condition(scope);
        var su = SHIPMENT_UNIT;
        Table<?> lastShipment = DSL.select(SHIPMENT.NUMBER, SHIPMENT.SHIPPED_AT, CUSTOMER.NAME, CUSTOMER.ADDRESS,
                        SHIPMENT.SHIP_TO_ADDRESS)
                .from(su).join(SHIPMENT).on(SHIPMENT.ID.eq(su.SHIPMENT_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(SHIPMENT.PARTY_ID))
                .where(su.UNIT_ID.eq(UNIT.ID)).and(SHIPMENT.DIRECTION.eq(ShipmentDirection.outbound))
                .orderBy(SHIPMENT.SHIPPED_AT.desc().nullsLast(), SHIPMENT.ID.desc()).limit(1)
                .asTable("last_shipment");
        Field<String> number = lastShipment.field(SHIPMENT.NUMBER);
        Field<OffsetDateTime> shippedAt = lastShipment.field(SHIPMENT.SHIPPED_AT);
        Field<String> customer = lastShipment.field(CUSTOMER.NAME);
        Field<String> address = lastShipment.field(CUSTOMER.ADDRESS);
        Field<String> shipTo = lastShipment.field(SHIPMENT.SHIP_TO_ADDRESS);
        dsl.transaction(tx -> {
            try (Cursor<? extends Record> cursor = tx.dsl().select(UNIT.INTERNAL_ID, UNIT.SERIAL, PRODUCT.SKU, LOT.LOT_CODE,
                            DSL.coalesce(UNIT.EXPIRY, LOT.EXPIRY), UNIT.STATUS, LOCATION.PATH, HOLDER.NAME,
                            customer, address, shipTo, number, shippedAt)
                    .from(UNIT)
                    .join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                    .leftJoin(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                    .leftJoin(LOCATION).on(LOCATION.ID.eq(UNIT.LOCATION_ID))
                    .leftJoin(HOLDER).on(HOLDER.ID.eq(UNIT.HOLDER_PARTY_ID))
                    .leftJoin(DSL.lateral(lastShipment)).on(DSL.trueCondition())
                    .where(where)
                    .orderBy(PRODUCT.SKU, UNIT.SERIAL_NORM, UNIT.ID)
                    .fetchSize(5000)
                    .fetchLazy()) {
                for (Record r : cursor) {
                    sink.accept(new RecallUnit(r.get(UNIT.INTERNAL_ID), r.get(UNIT.SERIAL), r.get(PRODUCT.SKU),
                            r.get(LOT.LOT_CODE), r.get(4, LocalDate.class),
                            r.get(UNIT.STATUS) == null ? null : r.get(UNIT.STATUS).getLiteral(), r.get(LOCATION.PATH),
                            r.get(HOLDER.NAME), r.get(customer),
                            r.get(shipTo) != null ? r.get(shipTo) : r.get(address), r.get(number), r.get(shippedAt)));
                }
            }
        });
    }

    /** How many units the scope holds (for progress). */
    public int count(Scope scope) {
        return dsl.fetchCount(DSL.selectOne().from(UNIT).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .leftJoin(LOT).on(LOT.ID.eq(UNIT.LOT_ID)).where(condition(scope)));
    }

    /** The lots with the most units, for pickers: code, product SKU, units. */
    public List<LotChoice> largestLots(int limit) {
        var units = DSL.count().as("units");
        return dsl.select(LOT.LOT_CODE, PRODUCT.SKU, units).from(UNIT).join(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                .join(PRODUCT).on(PRODUCT.ID.eq(LOT.PRODUCT_ID))
                .groupBy(LOT.LOT_CODE, PRODUCT.SKU).orderBy(units.desc(), LOT.LOT_CODE).limit(limit)
                .fetch(r -> new LotChoice(r.value1(), r.value2(), r.value3()));
    }

    public record LotChoice(String lotCode, String productSku, int units) {
    }

    /** The units a recall scope names, as a condition over UNIT, PRODUCT and (left-joined) LOT: for exports of the same units. */
    public static Condition unitsIn(Scope s) {
        return condition(s);
    }

    private static Condition condition(Scope s) {
        Condition c = DSL.trueCondition();
        if (s.productSku() != null) {
            c = c.and(PRODUCT.SKU.eq(s.productSku()));
        }
        if (s.lotCode() != null) {
            return c.and(LOT.LOT_CODE.eq(s.lotCode()));
        }
        if (s.serialFrom() != null || s.serialTo() != null) {
            if (s.serialFrom() != null) {
                c = c.and(UNIT.SERIAL_NORM.ge(DSL.field("normalize_serial({0})", String.class, DSL.val(s.serialFrom()))));
            }
            if (s.serialTo() != null) {
                c = c.and(UNIT.SERIAL_NORM.le(DSL.field("normalize_serial({0})", String.class, DSL.val(s.serialTo()))));
            }
            return c;
        }
        // made in the period; a unit without a production date counts from when it reached us
        Field<LocalDate> made = DSL.coalesce(UNIT.PRODUCTION_DATE, LOT.PRODUCTION_DATE, UNIT.FIRST_EVENT_AT.cast(LocalDate.class));
        if (s.producedFrom() != null) {
            c = c.and(made.ge(s.producedFrom()));
        }
        if (s.producedTo() != null) {
            c = c.and(made.le(s.producedTo()));
        }
        return c;
    }
}
