package dev.serialtrace.db.epcis;

import dev.serialtrace.db.copy.BinaryCopyBuffer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Rows for one COPY statement, kept as the bytes COPY sends, made as values are added (by the thread
 * that prepares an import batch): the connection that writes then only sends them. In COPY's text
 * format ({@link #value}), or its binary format ({@link #binary}, then {@link #row} and one typed
 * value per column), which spares the server parsing timestamps, numbers and arrays and scanning long
 * texts for escapes on the import's critical path.
 */
final class CopyRows {
    /** The rows in text form (unused for binary). */
    private final ByteArrayOutputStream text = new ByteArrayOutputStream(1 << 16);
    private boolean rowStarted;
    private final String table;
    private final String columns;
    /** The rows in binary form, or null for text. */
    private final BinaryCopyBuffer binary;

    CopyRows(String table, String columns) {
        this.table = table;
        this.columns = columns;
        this.binary = null;
    }

    private CopyRows(String table, String columns, BinaryCopyBuffer binary) {
        this.table = table;
        this.columns = columns;
        this.binary = binary;
    }

    /** Rows in COPY's binary format: each begins with {@link #row}, then one typed value per column, in order. */
    static CopyRows binary(String table, String columns, int expectedBytes) {
        return new CopyRows(table, columns, new BinaryCopyBuffer(table, columns, expectedBytes));
    }

    /** Starts a binary row of {@code fields} values, given next on the buffer returned. */
    BinaryCopyBuffer row(int fields) {
        return binary.row(fields);
    }

    CopyRows value(Object v) {
        if (rowStarted) {
            text.write('\t');
        }
        rowStarted = true;
        String s = v == null ? "\\N" : escaped(v.toString());
        text.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** COPY text's escapes; the usual value has none and is returned as it is. */
    private static String escaped(String s) {
        if (plain(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    void endRow() {
        text.write('\n');
        rowStarted = false;
    }

    boolean isEmpty() {
        return binary != null ? binary.rows() == 0 : text.size() == 0;
    }

    /**
     * Sends the rows. PostgreSQL refuses COPY FROM into a table whose row-level security applies to the
     * user (custody_event for a supervisor, who appends only at their sites): then the rows go into a
     * temporary table first and on with one INSERT, which checks the policy for every row. The schema
     * owner (bulk loads, the embedded database's user) is not subject to it and copies directly.
     */
    long copy(Connection c) throws SQLException {
        if (!rowSecurityApplies(c)) {
            return copyIn(c, table);
        }
        String staging = "copy_into_" + table;
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table if not exists " + staging + " (like " + table + " including defaults)"
                    + " on commit delete rows");
        }
        long n = copyIn(c, staging);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into " + table + " (" + columns + ") select " + columns + " from " + staging);
            s.execute("truncate " + staging);
        }
        return n;
    }

    private boolean rowSecurityApplies(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select row_security_active(?::regclass)")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private long copyIn(Connection c, String into) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        if (binary != null) {
            return BinaryCopyBuffer.copyAll(copy, BinaryCopyBuffer.copySql(into, columns), List.of(binary));
        }
        try {
            return copy.copyIn("copy " + into + " (" + columns + ") from stdin", new ByteArrayInputStream(text.toByteArray()), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
