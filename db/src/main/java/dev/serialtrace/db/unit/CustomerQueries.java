package dev.serialtrace.db.unit;

import dev.serialtrace.db.jooq.enums.PartyKind;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.CUSTOMER_QUERY;
import static dev.serialtrace.db.jooq.Tables.PARTY;

/**
 * Serial queries from customers and partners ("where is / was serial X?") that someone answered
 * from the unit's dossier: the writer of the customer-query resolution KPI (DOMAIN.md §7).
 */
public final class CustomerQueries {
    private final DSLContext dsl;

    public CustomerQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A customer to pick. */
    public record Customer(long id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A query as answered now. {@code customerId}, {@code channel} and {@code question} may be null. */
    public record Answer(String serial, long unitId, Long customerId, String channel, String question, String answer,
                         OffsetDateTime receivedAt) {
    }

    public List<Customer> customers() {
        return dsl.select(PARTY.ID, PARTY.NAME).from(PARTY).where(PARTY.KIND.eq(PartyKind.customer))
                .orderBy(PARTY.NAME).limit(1000).fetch(r -> new Customer(r.value1(), r.value2()));
    }

    /**
     * Records the query as answered at the database's now; returns the minutes it took. Refused
     * (nothing written) when it was received after now or the answer is empty.
     */
    public long answered(Answer a) {
        if (a.answer() == null || a.answer().isBlank()) {
            throw new IllegalArgumentException("write the answer given to the customer");
        }
        return dsl.transactionResult(c -> {
            OffsetDateTime now = c.dsl().select(DSL.currentOffsetDateTime()).fetchOne().value1();
            if (a.receivedAt().isAfter(now)) {
                throw new IllegalArgumentException("the query cannot have been received after now (" + now + ")");
            }
            c.dsl().insertInto(CUSTOMER_QUERY, CUSTOMER_QUERY.RECEIVED_AT, CUSTOMER_QUERY.ANSWERED_AT, CUSTOMER_QUERY.SERIAL,
                            CUSTOMER_QUERY.UNIT_ID, CUSTOMER_QUERY.CUSTOMER_ID, CUSTOMER_QUERY.CHANNEL,
                            CUSTOMER_QUERY.QUESTION, CUSTOMER_QUERY.ANSWER)
                    .values(a.receivedAt(), now, a.serial(), a.unitId(), a.customerId(), blankToNull(a.channel()),
                            blankToNull(a.question()), a.answer().strip())
                    .execute();
            return java.time.Duration.between(a.receivedAt(), now).toMinutes();
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
