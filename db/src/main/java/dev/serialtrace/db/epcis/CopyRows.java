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
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Rows for one COPY statement, kept as the bytes COPY sends, made as values are added (by the thread
 * that prepares an import batch): the connection that writes then only sends them. In COPY's text
 * format ({@link #value}) or its binary format ({@link #binary}: {@link #row} then one typed value per
 * column), which spares the server parsing timestamps, numbers and arrays and scanning long texts
 * for escapes on the import's critical path.
 */
final class CopyRows {
    /** PostgreSQL's epoch for binary timestamps, in seconds after the Unix epoch. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final int INT8_OID = 20;
    private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] BINARY_TRAILER = {(byte) 0xFF, (byte) 0xFF};

    private byte[] bytes;
    private int length;
    private boolean rowStarted;
    private final String table;
    private final String columns;
    private final boolean binary;
    private int rowsInBinary;

    CopyRows(String table, String columns) {
        this(table, columns, 1 << 16);
    }

    /** {@code expectedBytes}: about what the rows will take, so the buffer is not copied as it grows. */
    CopyRows(String table, String columns, int expectedBytes) {
        this(table, columns, expectedBytes, false);
    }

    private CopyRows(String table, String columns, int expectedBytes, boolean binary) {
        this.table = table;
        this.columns = columns;
        this.binary = binary;
        this.bytes = new byte[Math.max(1 << 10, expectedBytes)];
        if (binary) {
            put(BINARY_HEADER);
        }
    }

    /** Rows in COPY's binary format; each starts with {@link #row} and has one typed value per column, in order. */
    static CopyRows binary(String table, String columns, int expectedBytes) {
        return new CopyRows(table, columns, expectedBytes, true);
    }

    CopyRows row(int fields) {
        room(2);
        bytes[length++] = (byte) (fields >>> 8);
        bytes[length++] = (byte) fields;
        rowsInBinary++;
        return this;
    }

    CopyRows int8(Long v) {
        if (v == null) {
            return absent();
        }
        putInt(8);
        putLong(v);
        return this;
    }

    /** text, varchar, or an enum (whose binary form is its label). */
    CopyRows text(String v) {
        if (v == null) {
            return absent();
        }
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        putInt(b.length);
        put(b);
        return this;
    }

    CopyRows timestamptz(OffsetDateTime v) {
        if (v == null) {
            return absent();
        }
        putInt(8);
        putLong((v.toEpochSecond() - PG_EPOCH_SECONDS) * 1_000_000L + v.getNano() / 1_000);
        return this;
    }

    CopyRows bool(boolean v) {
        putInt(1);
        put((byte) (v ? 1 : 0));
        return this;
    }

    /** jsonb's binary form: a version byte, then the JSON text. */
    CopyRows jsonb(String v) {
        if (v == null) {
            return absent();
        }
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        putInt(b.length + 1);
        put((byte) 1);
        put(b);
        return this;
    }

    /** bigint[]: dimensions, null flag, element type, then each element with its length. */
    CopyRows int8Array(long[] v) {
        if (v.length == 0) {
            putInt(12);
            putInt(0);
            putInt(0);
            putInt(INT8_OID);
            return this;
        }
        putInt(20 + 12 * v.length);
        putInt(1);
        putInt(0);
        putInt(INT8_OID);
        putInt(v.length);
        putInt(1);
        for (long x : v) {
            putInt(8);
            putLong(x);
        }
        return this;
    }

    private CopyRows absent() {
        putInt(-1);
        return this;
    }

    private void putInt(int v) {
        room(4);
        bytes[length++] = (byte) (v >>> 24);
        bytes[length++] = (byte) (v >>> 16);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private void put(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
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
        put((plain(s) ? s : escaped(s)).getBytes(StandardCharsets.UTF_8));
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
        return binary ? rowsInBinary == 0 : length == 0;
    }

    /**
     * Sends the rows. PostgreSQL refuses COPY FROM into a table whose row-level security applies to the
     * user (custody_event for a supervisor, who appends only at their sites): then the rows go into a
     * temporary table first and on with one INSERT, which checks the policy for every row. The schema
     * owner (bulk loads, the embedded database's user) is not subject to it and copies directly.
     */
    long copy(Connection c) throws SQLException {
        String format = binary ? " with (format binary)" : "";
        if (!rowSecurityApplies(c)) {
            return copyIn(c, "copy " + table + " (" + columns + ") from stdin" + format);
        }
        String staging = "copy_into_" + table;
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table if not exists " + staging + " (like " + table + " including defaults)"
                    + " on commit delete rows");
        }
        long n = copyIn(c, "copy " + staging + " (" + columns + ") from stdin" + format);
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
            java.io.InputStream rows = new ByteArrayInputStream(bytes, 0, length);
            if (binary) {
                rows = new java.io.SequenceInputStream(rows, new ByteArrayInputStream(BINARY_TRAILER));
            }
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, rows, 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
