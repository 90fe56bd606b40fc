package dev.serialtrace.db.epcis;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format, sent in one COPY statement. They are kept as the bytes COPY
 * sends, made as values are added (by the thread that prepares an import batch): the connection
 * that writes then only sends them.
 */
final class CopyRows {
    private byte[] bytes;
    private int length;
    private boolean rowStarted;
    private final String table;
    private final String columns;

    CopyRows(String table, String columns) {
        this(table, columns, 1 << 16);
    }

    /** {@code expectedBytes}: about what the rows will take, so the buffer is not copied as it grows. */
    CopyRows(String table, String columns, int expectedBytes) {
        this.table = table;
        this.columns = columns;
        this.bytes = new byte[Math.max(1 << 10, expectedBytes)];
    }

    CopyRows value(Object v) {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
        if (v == null) {
            put((byte) '\\');
            put((byte) 'N');
            return this;
        }
        String s = v.toString();
        byte[] b = (plain(s) ? s : escaped(s)).getBytes(StandardCharsets.UTF_8);
        room(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
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

    private static String escaped(String s) {
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

    private void put(byte b) {
        room(1);
        bytes[length++] = b;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    void endRow() {
        put((byte) '\n');
        rowStarted = false;
    }

    boolean isEmpty() {
        return length == 0;
    }

    /**
     * Sends the rows. PostgreSQL refuses COPY FROM into a table whose row-level security applies to the
     * user (custody_event for a supervisor, who appends only at their sites): then the rows go into a
     * temporary table first and on with one INSERT, which checks the policy for every row. The schema
     * owner (bulk loads, the embedded database's user) is not subject to it and copies directly.
     */
    long copy(Connection c) throws SQLException {
        if (!rowSecurityApplies(c)) {
            return copyIn(c, "copy " + table + " (" + columns + ") from stdin");
        }
        String staging = "copy_into_" + table;
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table if not exists " + staging + " (like " + table + " including defaults)"
                    + " on commit delete rows");
        }
        long n = copyIn(c, "copy " + staging + " (" + columns + ") from stdin");
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

    private long copyIn(Connection c, String sql) throws SQLException {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(bytes, 0, length), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
