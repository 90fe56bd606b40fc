package dev.serialtrace.cli;

import org.jooq.DSLContext;
import org.jooq.Query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's baseline: the very SQL jOOQ renders for a query, prepared once over plain JDBC,
 * run with the same bind values, every column read. What it costs is what PostgreSQL costs.
 */
final class RawJdbc implements AutoCloseable {
    private final DSLContext dsl;
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

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
        try {
            // statements with binds repeat and are kept; inlined ones (search patterns) are one-offs
            PreparedStatement ps = binds.isEmpty() ? connection.prepareStatement(sql)
                    : statements.computeIfAbsent(sql, this::prepare);
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
            if (binds.isEmpty()) {
                ps.close();
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("raw query failed: " + sql, e);
        }
    }

    private PreparedStatement prepare(String sql) {
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare: " + sql, e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
        connection.close();
    }
}
