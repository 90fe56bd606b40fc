package dev.serialtrace.db.unit;

import org.jooq.DSLContext;

import java.util.List;

import static dev.serialtrace.db.jooq.Tables.PARTY;
import static dev.serialtrace.db.jooq.Tables.RETURN_AUTHORISATION;

/** RMAs that authorised this unit or received it. */
public final class ReturnsQuery {
    private final DSLContext dsl;

    public ReturnsQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<ReturnEntry> fetch(long unitId) {
        var ra = RETURN_AUTHORISATION;
        return dsl.select(ra.RMA_NUMBER, PARTY.NAME, ra.OPENED_AT, ra.RECEIVED_AT, ra.REASON, ra.AUTHORISED_SERIAL,
                        ra.RECEIVED_SERIAL)
                .from(ra).join(PARTY).on(PARTY.ID.eq(ra.CUSTOMER_ID))
                .where(ra.AUTHORISED_UNIT_ID.eq(unitId).or(ra.RECEIVED_UNIT_ID.eq(unitId)))
                .orderBy(ra.OPENED_AT)
                .fetch(r -> new ReturnEntry(r.get(ra.RMA_NUMBER), r.get(PARTY.NAME), r.get(ra.OPENED_AT),
                        r.get(ra.RECEIVED_AT), r.get(ra.REASON), r.get(ra.AUTHORISED_SERIAL), r.get(ra.RECEIVED_SERIAL)));
    }
}
