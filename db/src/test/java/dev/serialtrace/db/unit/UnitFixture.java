package dev.serialtrace.db.unit;

import dev.serialtrace.core.unit.InternalUnitId;
import dev.serialtrace.db.jooq.enums.PartyKind;
import org.jooq.DSLContext;

import java.time.LocalDate;

import static dev.serialtrace.db.jooq.Tables.*;

/** Hand-built master data and units with known answers, for lookup and search tests (also the CLI's). */
public final class UnitFixture {
    public static final String TV_GTIN = "09506000134352";
    public static final String PUMP_GTIN = "12345678901231";

    public final DSLContext dsl;
    public final long acme;
    public final long bolt;
    public final long tv;
    public final long pump;
    public final long hibcDevice;
    private long nextNumber = 1;

    public UnitFixture(DSLContext dsl) {
        this.dsl = dsl;
        acme = party("Acme");
        bolt = party("Bolt Industries");
        tv = dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.GTIN, PRODUCT.MANUFACTURER_ID,
                        PRODUCT.COMPANY_PREFIX_LENGTH)
                .values("TV-65", "65\" TV", "electronics", TV_GTIN, acme, (short) 7).returning(PRODUCT.ID).fetchOne().getId();
        pump = dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.GTIN, PRODUCT.MANUFACTURER_ID)
                .values("PUMP-2", "Infusion pump", "medical", PUMP_GTIN, bolt).returning(PRODUCT.ID).fetchOne().getId();
        hibcDevice = dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.MANUFACTURER_ID,
                        PRODUCT.HIBC_LABELER, PRODUCT.HIBC_PRODUCT)
                .values("CATH-5", "Catheter", "medical", bolt, "A123", "BJC5D6E7").returning(PRODUCT.ID).fetchOne().getId();
    }

    private long party(String name) {
        return dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME).values(PartyKind.manufacturer, name)
                .returning(PARTY.ID).fetchOne().getId();
    }

    public long lot(long product, String code, LocalDate expiry) {
        return dsl.insertInto(LOT, LOT.PRODUCT_ID, LOT.LOT_CODE, LOT.EXPIRY).values(product, code, expiry)
                .returning(LOT.ID).fetchOne().getId();
    }

    /** A unit of {@code product}, its maker's, with the next internal id; returns the unit id. */
    public long unit(long product, String serial, Long lot) {
        long maker = dsl.select(PRODUCT.MANUFACTURER_ID).from(PRODUCT).where(PRODUCT.ID.eq(product)).fetchOne().value1();
        String gtin = dsl.select(PRODUCT.GTIN).from(PRODUCT).where(PRODUCT.ID.eq(product)).fetchOne().value1();
        return dsl.insertInto(UNIT, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID, UNIT.SERIAL, UNIT.GTIN, UNIT.LOT_ID)
                .values(InternalUnitId.format(nextNumber++), product, maker, serial, gtin, lot)
                .returning(UNIT.ID).fetchOne().getId();
    }

    public String internalId(long unit) {
        return dsl.select(UNIT.INTERNAL_ID).from(UNIT).where(UNIT.ID.eq(unit)).fetchOne().value1();
    }
}
