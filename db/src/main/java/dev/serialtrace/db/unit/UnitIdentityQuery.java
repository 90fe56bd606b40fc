package dev.serialtrace.db.unit;

import dev.serialtrace.core.identify.SgtinUri;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.List;
import java.util.Optional;

import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.LOT;
import static dev.serialtrace.db.jooq.Tables.PARTY;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/** A unit's identifiers, product and current state, by unit id. */
public final class UnitIdentityQuery {
    private static final dev.serialtrace.db.jooq.tables.Party MAKER = PARTY.as("maker");
    private static final dev.serialtrace.db.jooq.tables.Party HOLDER = PARTY.as("holder");
    private final DSLContext dsl;

    public UnitIdentityQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<UnitIdentity> fetch(long unitId) {
        return dsl.select(UNIT.asterisk(), PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.REGULATORY_TAGS,
                        PRODUCT.COMPANY_PREFIX_LENGTH, PRODUCT.STORAGE_TEMP_MIN, PRODUCT.STORAGE_TEMP_MAX,
                        LOT.LOT_CODE, LOCATION.PATH, MAKER.NAME, HOLDER.NAME)
                .from(UNIT)
                .join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .join(MAKER).on(MAKER.ID.eq(UNIT.MANUFACTURER_ID))
                .leftJoin(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                .leftJoin(LOCATION).on(LOCATION.ID.eq(UNIT.LOCATION_ID))
                .leftJoin(HOLDER).on(HOLDER.ID.eq(UNIT.HOLDER_PARTY_ID))
                .where(UNIT.ID.eq(unitId))
                .fetchOptional(UnitIdentityQuery::identity);
    }

    private static UnitIdentity identity(Record r) {
        String gtin = r.get(UNIT.GTIN);
        Short prefix = r.get(PRODUCT.COMPANY_PREFIX_LENGTH);
        String sgtin = gtin != null && prefix != null ? SgtinUri.of(gtin, prefix, r.get(UNIT.SERIAL)).uri() : null;
        String[] tags = r.get(PRODUCT.REGULATORY_TAGS);
        return new UnitIdentity(r.get(UNIT.ID), r.get(UNIT.INTERNAL_ID), r.get(UNIT.SERIAL), gtin, sgtin,
                r.get(LOT.LOT_CODE), r.get(UNIT.EXPIRY), r.get(UNIT.PRODUCTION_DATE), r.get(PRODUCT.SKU),
                r.get(PRODUCT.NAME), r.get(PRODUCT.CATEGORY), r.get(MAKER.NAME), tags == null ? List.of() : List.of(tags),
                r.get(UNIT.STATUS) == null ? null : r.get(UNIT.STATUS).getLiteral(),
                r.get(UNIT.LAST_BIZ_STEP) == null ? null : r.get(UNIT.LAST_BIZ_STEP).getLiteral(),
                r.get(LOCATION.PATH), r.get(HOLDER.NAME), r.get(UNIT.LAST_EVENT_AT), r.get(UNIT.EVENT_COUNT),
                r.get(UNIT.HISTORY_KNOWN_FROM),
                r.get(PRODUCT.STORAGE_TEMP_MIN) != null || r.get(PRODUCT.STORAGE_TEMP_MAX) != null);
    }
}
