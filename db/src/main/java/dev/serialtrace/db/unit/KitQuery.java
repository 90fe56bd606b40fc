package dev.serialtrace.db.unit;

import org.jooq.DSLContext;
import org.jooq.Record;

import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/** Parent and children of a unit, from the current state the database keeps. */
public final class KitQuery {
    private final DSLContext dsl;

    public KitQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public KitTree fetch(long unitId) {
        Long parentId = dsl.select(UNIT.PARENT_UNIT_ID).from(UNIT).where(UNIT.ID.eq(unitId)).fetchOne(UNIT.PARENT_UNIT_ID);
        var parent = parentId == null ? null
                : members().where(UNIT.ID.eq(parentId)).fetchOne(KitQuery::member);
        var children = members().where(UNIT.PARENT_UNIT_ID.eq(unitId)).orderBy(UNIT.SERIAL).fetch(KitQuery::member);
        return new KitTree(parent, children);
    }

    private org.jooq.SelectOnConditionStep<? extends Record> members() {
        return dsl.select(UNIT.ID, UNIT.INTERNAL_ID, UNIT.SERIAL, PRODUCT.NAME, UNIT.STATUS, LOCATION.PATH)
                .from(UNIT).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .leftJoin(LOCATION).on(LOCATION.ID.eq(UNIT.LOCATION_ID));
    }

    private static KitTree.Member member(Record r) {
        return new KitTree.Member(r.get(UNIT.ID), r.get(UNIT.INTERNAL_ID), r.get(UNIT.SERIAL), r.get(PRODUCT.NAME),
                r.get(UNIT.STATUS) == null ? "" : r.get(UNIT.STATUS).getLiteral(), r.get(LOCATION.PATH));
    }
}
