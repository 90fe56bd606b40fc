package dev.serialtrace.db.unit;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.util.List;
import java.util.Optional;

import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/** A unit's identifiers, product and current state, by unit id: its {@link UnitSummary} and a few more facts. */
public final class UnitIdentityQuery {
    private static final List<Field<?>> MORE = List.of(UNIT.PRODUCTION_DATE, PRODUCT.REGULATORY_TAGS,
            PRODUCT.STORAGE_TEMP_MIN, PRODUCT.STORAGE_TEMP_MAX, UNIT.FIRST_EVENT_AT, UNIT.EVENT_COUNT,
            UNIT.HISTORY_KNOWN_FROM);
    private final DSLContext dsl;

    public UnitIdentityQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<UnitIdentity> fetch(long unitId) {
        return UnitSummaries.where(dsl, MORE, UNIT.ID.eq(unitId)).fetchOptional(UnitIdentityQuery::identity);
    }

    private static UnitIdentity identity(Record r) {
        UnitSummary s = UnitSummaries.map(r);
        String[] tags = r.get(PRODUCT.REGULATORY_TAGS);
        return new UnitIdentity(s.unitId(), s.internalId(), s.serial(), s.gtin(), s.sgtinUri(), s.lotCode(), s.expiry(),
                r.get(UNIT.PRODUCTION_DATE), s.productSku(), s.productName(), s.category(), s.manufacturerName(),
                tags == null ? List.of() : List.of(tags), s.status(), s.lastBizStep(), s.locationPath(), s.holderName(),
                r.get(UNIT.FIRST_EVENT_AT), s.lastEventAt(), r.get(UNIT.EVENT_COUNT), r.get(UNIT.HISTORY_KNOWN_FROM),
                r.get(PRODUCT.STORAGE_TEMP_MIN) != null || r.get(PRODUCT.STORAGE_TEMP_MAX) != null);
    }
}
