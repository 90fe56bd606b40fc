package dev.serialtrace.cli;

import org.jooq.DSLContext;
import org.jooq.Query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's baseline: the very SQL jOOQ renders for a query, rendered before the clock starts
 * and run over plain JDBC with the same bind values, every column read: what PostgreSQL and the
 * driver cost, without our parsing, jOOQ and mapping.
 */
final class RawJdbc implements AutoCloseable {
    private final DSLContext dsl;
    private final Connection connection;

    RawJdbc(DSLContext dsl, Connection connection) {
        this.dsl = dsl;
        this.connection = connection;
    }

    /** A query rendered ahead of time, so the clock sees only JDBC and the server. */
    record Statement(String sql, List<Object> binds) {
    }

    Statement render(Query query) {
        return new Statement(dsl.render(query), query.getBindValues());
    }

    /** Runs the statement; returns the first column of each row (the unit id for our queries). */
    List<Object> run(Statement statement) {
        String sql = statement.sql();
        List<Object> binds = statement.binds();
        // prepared per call, as UnitLookup does: the driver keeps repeated statements
        // server-side prepared, so both sides get the same plan caching from PostgreSQL
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.size(); i++) {
                ps.setObject(i + 1, binds.get(i));
            }
            List<Object> first = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    first.add(rs.getObject(1));
                    for (int c = 2; c <= columns; c++) {
                        rs.getObject(c);
                    }
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("raw query failed: " + sql, e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
