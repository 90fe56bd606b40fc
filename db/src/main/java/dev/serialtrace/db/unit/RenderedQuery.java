package dev.serialtrace.db.unit;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;

/**
 * A unit-summary query rendered to SQL once and afterwards only executed with new bind values.
 * Exact lookups take well under a millisecond in PostgreSQL; rendering the jOOQ tree each time
 * would be a large share of that.
 */
final class RenderedQuery {
    private final DSLContext dsl;
    private final String sql;
    private final int bindCount;

    /** {@code template}: the query with placeholder values, in the order {@link #with} will bind them. */
    RenderedQuery(DSLContext dsl, ResultQuery<Record> template) {
        this.dsl = dsl;
        this.sql = dsl.render(template);
        this.bindCount = template.getBindValues().size();
    }

    ResultQuery<Record> with(Object... values) {
        if (values.length != bindCount) {
            throw new IllegalArgumentException("expected " + bindCount + " values, got " + values.length);
        }
        return dsl.resultQuery(sql, values).coerce(UnitSummaries.FIELDS);
    }
}
