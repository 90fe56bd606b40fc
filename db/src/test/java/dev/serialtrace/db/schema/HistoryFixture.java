package dev.serialtrace.db.schema;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.time.OffsetDateTime;

import static dev.serialtrace.db.jooq.Tables.*;

/** A minimal warehouse (one manufacturer, one product, two shelves) for schema rule tests. */
final class HistoryFixture {
    final DSLContext dsl;
    final long manufacturer;
    final long otherManufacturer;
    final long product;
    final long otherProduct;
    final long shelfA;
    final long shelfB;
    private long nextUnit = 1;

    HistoryFixture(DataSource ds) {
        dsl = DSL.using(ds, SQLDialect.POSTGRES);
        manufacturer = party("Acme Laptops");
        otherManufacturer = party("Zenith Screens");
        product = product("LT-1", manufacturer, "09506000134352");
        otherProduct = product("TV-1", otherManufacturer, "09506000134369");
        long own = dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME).values(dev.serialtrace.db.jooq.enums.PartyKind.own, "Us")
                .returning(PARTY.ID).fetchOne().getId();
        long site = dsl.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE)
                .values("S1", "Site 1", own, "Europe/Amsterdam").returning(SITE.ID).fetchOne().getId();
        shelfA = location(site, "S1/A");
        shelfB = location(site, "S1/B");
    }

    private long party(String name) {
        return dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME)
                .values(dev.serialtrace.db.jooq.enums.PartyKind.manufacturer, name).returning(PARTY.ID).fetchOne().getId();
    }

    private long product(String sku, long maker, String gtin) {
        return dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.MANUFACTURER_ID, PRODUCT.GTIN)
                .values(sku, sku, "electronics", maker, gtin).returning(PRODUCT.ID).fetchOne().getId();
    }

    private long location(long site, String path) {
        return dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(site, dev.serialtrace.db.jooq.enums.LocationKind.shelf, path, path).returning(LOCATION.ID).fetchOne().getId();
    }

    long unit(String serial) {
        return unit(serial, product, manufacturer, "09506000134352");
    }

    long unit(String serial, long productId, long makerId, String gtin) {
        long id = nextUnit++;
        dsl.insertInto(UNIT, UNIT.ID, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID, UNIT.SERIAL, UNIT.GTIN)
                .values(id, dev.serialtrace.core.unit.InternalUnitId.format(id), productId, makerId, serial, gtin).execute();
        return id;
    }

    void event(long unit, OffsetDateTime at, dev.serialtrace.db.jooq.enums.BizStep step,
               dev.serialtrace.db.jooq.enums.Disposition disposition, Long from, Long to) {
        dsl.insertInto(CUSTODY_EVENT)
                .set(CUSTODY_EVENT.UNIT_ID, unit)
                .set(CUSTODY_EVENT.OCCURRED_AT, at)
                .set(CUSTODY_EVENT.OCCURRED_ZONE, "Europe/Amsterdam")
                .set(CUSTODY_EVENT.BIZ_STEP, step)
                .set(CUSTODY_EVENT.DISPOSITION, disposition)
                .set(CUSTODY_EVENT.FROM_LOCATION_ID, from)
                .set(CUSTODY_EVENT.TO_LOCATION_ID, to)
                .set(CUSTODY_EVENT.CAPTURE_METHOD, dev.serialtrace.db.jooq.enums.CaptureMethod.scan)
                .execute();
    }
}
