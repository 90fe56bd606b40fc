package dev.serialtrace.db.unit;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * A unit-summary query rendered to SQL by jOOQ once, then only executed with new bind values.
 * Exact lookups take about a tenth of a millisecond in PostgreSQL; rendering the jOOQ tree, or
 * re-scanning plain SQL for its binds, on every call would add half as much again.
 */
final class RenderedQuery {
    private static final Field<?>[] FIELDS = UnitSummaries.FIELDS.toArray(Field<?>[]::new);

    private final DSLContext dsl;
    private final String sql;
    private final int bindCount;

    /** {@code template}: the query with placeholder values, in the order {@link #with} will bind them. */
    RenderedQuery(DSLContext dsl, ResultQuery<Record> template) {
        this.dsl = dsl;
        this.sql = dsl.render(template);
        this.bindCount = template.getBindValues().size();
    }

    Bound with(Object... values) {
        if (values.length != bindCount) {
            throw new IllegalArgumentException("expected " + bindCount + " values, got " + values.length);
        }
        return new Bound(values.clone());
    }

    /** The query with its values: run here, or handed out as a jOOQ query (e.g. to the benchmark). */
    final class Bound {
        private final Object[] values;

        private Bound(Object[] values) {
            this.values = values;
        }

        ResultQuery<Record> query() {
            return dsl.resultQuery(sql, values).coerce(FIELDS);
        }

        List<UnitSummary> fetch() {
            return dsl.connectionResult(connection -> {
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    for (int i = 0; i < values.length; i++) {
                        Object v = values[i];
                        if (v instanceof String[] array) {
                            ps.setArray(i + 1, connection.createArrayOf("varchar", array));
                        } else {
                            ps.setObject(i + 1, v);
                        }
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        return dsl.fetch(rs, FIELDS).map(UnitSummaries::map);
                    }
                }
            });
        }
    }
}
