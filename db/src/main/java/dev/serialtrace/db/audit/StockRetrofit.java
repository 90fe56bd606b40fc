package dev.serialtrace.db.audit;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.db.custody.CustodyCommands;
import dev.serialtrace.db.custody.NewCustodyEvent;
import dev.serialtrace.db.custody.NewUnits;
import dev.serialtrace.db.jooq.enums.TrackingMode;
import dev.serialtrace.db.jooq.tables.records.StockRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SITE;
import static dev.serialtrace.db.jooq.Tables.STOCK;

/**
 * Serialising quantity stock while counting it: each captured serial becomes a unit linked to the
 * stock row, the untracked quantity goes down by one, and the unit's history starts here
 * ({@code history_known_from}: what came before is unknown) with a cycle-counting event.
 */
public final class StockRetrofit {
    private final DSLContext dsl;

    public StockRetrofit(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Quantity stock of serial-tracked products not yet serialised at these locations. */
    public List<UntrackedStock> untrackedAt(List<Long> locationIds) {
        return dsl.select(STOCK.ID, PRODUCT.SKU, PRODUCT.NAME, LOCATION.ID, LOCATION.PATH, STOCK.QUANTITY)
                .from(STOCK).join(PRODUCT).on(PRODUCT.ID.eq(STOCK.PRODUCT_ID)).join(LOCATION).on(LOCATION.ID.eq(STOCK.LOCATION_ID))
                .where(STOCK.LOCATION_ID.in(locationIds)).and(STOCK.QUANTITY.gt(0))
                .and(PRODUCT.TRACKING_MODE.eq(TrackingMode.serial))
                .orderBy(LOCATION.PATH, PRODUCT.SKU)
                .fetch(r -> new UntrackedStock(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** One stock row of not-yet-serialised units. */
    public record UntrackedStock(long stockId, String sku, String productName, long locationId, String locationPath, int quantity) {
        @Override
        public String toString() {
            return sku + " · " + productName + " · " + locationPath + " · " + quantity + " untracked";
        }
    }

    /** The new unit's id. Refused when the stock has no untracked quantity left. */
    public long capture(long stockId, String serial, boolean scanned, String rawScan, String manualReason, OffsetDateTime at) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            StockRecord stock = db.selectFrom(STOCK).where(STOCK.ID.eq(stockId)).forUpdate().fetchOptional()
                    .orElseThrow(() -> new IllegalArgumentException("no stock row " + stockId));
            if (stock.getQuantity() <= 0) {
                throw new IllegalStateException("no untracked quantity left on this stock row");
            }
            long unit = NewUnits.create(db, stock.getProductId(), serial, stock.getLotId(), stockId, at);
            db.update(STOCK).set(STOCK.QUANTITY, STOCK.QUANTITY.minus(1)).set(STOCK.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(STOCK.ID.eq(stockId)).execute();
            String zone = db.select(SITE.TIME_ZONE).from(LOCATION).join(SITE).on(SITE.ID.eq(LOCATION.SITE_ID))
                    .where(LOCATION.ID.eq(stock.getLocationId())).fetchOne().value1();
            new CustodyCommands(db).record(new NewCustodyEvent(unit, at, zone, BizStep.cycle_counting,
                    Disposition.sellable_accessible, null, stock.getLocationId(), null, null, null, List.of(),
                    new NewCustodyEvent.Capture(scanned ? NewCustodyEvent.Capture.Method.scan : NewCustodyEvent.Capture.Method.manual,
                            rawScan, scanned ? null : manualReason, "retrofit from quantity stock"), null));
            return unit;
        });
    }
}
