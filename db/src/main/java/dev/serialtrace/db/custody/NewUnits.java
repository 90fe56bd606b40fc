package dev.serialtrace.db.custody;

import dev.serialtrace.core.unit.InternalUnitId;
import dev.serialtrace.db.jooq.tables.records.ProductRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;

import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/**
 * Creates a unit captured in the warehouse without a history on file (a retrofitted serial, or an
 * unknown serial accepted from the exception queue). Its internal id is derived from its row id,
 * as for every unit; {@code history_known_from} tells the timeline that what came before is unknown.
 */
public final class NewUnits {
    private NewUnits() {
    }

    public static long create(DSLContext db, long productId, String serial, Long lotId, Long stockId,
                              OffsetDateTime historyKnownFrom) {
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException("a unit needs a serial");
        }
        ProductRecord p = db.selectFrom(PRODUCT).where(PRODUCT.ID.eq(productId)).fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("no product with id " + productId));
        long id = db.select(DSL.sequence(DSL.name("unit_id_seq"), Long.class).nextval()).fetchOne().value1();
        db.insertInto(UNIT)
                .set(UNIT.ID, id)
                .set(UNIT.INTERNAL_ID, InternalUnitId.format(id))
                .set(UNIT.PRODUCT_ID, productId)
                .set(UNIT.MANUFACTURER_ID, p.getManufacturerId())
                .set(UNIT.SERIAL, serial.strip())
                .set(UNIT.GTIN, p.getGtin())
                .set(UNIT.LOT_ID, lotId)
                .set(UNIT.STOCK_ID, stockId)
                .set(UNIT.HISTORY_KNOWN_FROM, historyKnownFrom)
                .execute();
        return id;
    }
}
