package dev.serialtrace.db.unit;

import dev.serialtrace.core.identify.SgtinUri;
import dev.serialtrace.db.jooq.tables.Party;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

import java.util.List;

import static dev.serialtrace.db.jooq.Tables.*;

/** The one select behind every {@link UnitSummary}: a unit and its product, lot, maker, place and holder. */
final class UnitSummaries {
    private static final Party MAKER = PARTY.as("maker");
    private static final Party HOLDER = PARTY.as("holder");
    private static final Field<String> GTIN = DSL.coalesce(UNIT.GTIN, PRODUCT.GTIN).as("gtin");
    private static final Field<java.time.LocalDate> EXPIRY = DSL.coalesce(UNIT.EXPIRY, LOT.EXPIRY).as("expiry");
    static final List<Field<?>> FIELDS = List.of(
            UNIT.ID, UNIT.INTERNAL_ID, UNIT.SERIAL, UNIT.SERIAL_NORM, GTIN, PRODUCT.COMPANY_PREFIX_LENGTH,
            LOT.LOT_CODE, EXPIRY, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, MAKER.ID, MAKER.NAME,
            UNIT.STATUS, UNIT.LAST_BIZ_STEP, LOCATION.PATH, HOLDER.NAME, UNIT.LAST_EVENT_AT);

    private UnitSummaries() {
    }

    static SelectConditionStep<Record> where(DSLContext dsl, Condition condition) {
        return where(dsl, List.of(), condition);
    }

    /** The same select with more columns of the same rows (the dossier's head needs a few more). */
    static SelectConditionStep<Record> where(DSLContext dsl, List<? extends Field<?>> more, Condition condition) {
        List<Field<?>> fields = new java.util.ArrayList<>(FIELDS);
        fields.addAll(more);
        return dsl.select(fields)
                .from(UNIT)
                .join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .join(MAKER).on(MAKER.ID.eq(UNIT.MANUFACTURER_ID))
                .leftJoin(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                .leftJoin(LOCATION).on(LOCATION.ID.eq(UNIT.LOCATION_ID))
                .leftJoin(HOLDER).on(HOLDER.ID.eq(UNIT.HOLDER_PARTY_ID))
                .where(condition);
    }

    static UnitSummary map(Record r) {
        String gtin = r.get(GTIN);
        Short prefixLength = r.get(PRODUCT.COMPANY_PREFIX_LENGTH);
        String serial = r.get(UNIT.SERIAL);
        return new UnitSummary(r.get(UNIT.ID), r.get(UNIT.INTERNAL_ID), serial, r.get(UNIT.SERIAL_NORM), gtin,
                sgtin(gtin, prefixLength, serial), r.get(LOT.LOT_CODE), r.get(EXPIRY), r.get(PRODUCT.SKU),
                r.get(PRODUCT.NAME), r.get(PRODUCT.CATEGORY), r.get(MAKER.ID), r.get(MAKER.NAME),
                r.get(UNIT.STATUS) == null ? null : r.get(UNIT.STATUS).getLiteral(),
                r.get(UNIT.LAST_BIZ_STEP) == null ? null : r.get(UNIT.LAST_BIZ_STEP).getLiteral(),
                r.get(LOCATION.PATH), r.get(HOLDER.NAME), r.get(UNIT.LAST_EVENT_AT));
    }

    /** Null when the product's company-prefix length is unknown or the serial cannot be an SGTIN serial. */
    private static String sgtin(String gtin, Short prefixLength, String serial) {
        if (gtin == null || prefixLength == null) {
            return null;
        }
        try {
            return SgtinUri.of(gtin, prefixLength, serial).uri();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
