package dev.serialtrace.db.copy;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in PostgreSQL's binary COPY format, for the largest writes (the demo generator's custody
 * events, an EPCIS import's custody and EPCIS events): timestamps and numbers then arrive as machine
 * values and the server skips parsing text, which was most of its work per event. Each field is
 * typed by its column; {@link #id} writes 0 as NULL.
 */
public final class BinaryCopyBuffer {
    private static final int CHUNK = 1 << 20;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;   // 2000-01-01T00:00:00Z
    private static final int INT8_OID = 20;

    private final String copySql;
    private byte[] data;
    private int length;
    private long rows;

    public BinaryCopyBuffer(String table, String columns) {
        this(table, columns, 1 << 16);
    }

    /** {@code expectedBytes}: about what the rows will take, so the buffer is not copied as it grows. */
    public BinaryCopyBuffer(String table, String columns, int expectedBytes) {
        this.copySql = copySql(table, columns);
        this.data = new byte[Math.max(1 << 10, expectedBytes)];
    }

    /** The statement that reads such rows into {@code table}. */
    public static String copySql(String table, String columns) {
        return "copy " + table + " (" + columns + ") from stdin with (format binary)";
    }

    public long rows() {
        return rows;
    }

    public BinaryCopyBuffer row(int fields) {
        ensure(2);
        putShort(fields);
        rows++;
        return this;
    }

    public BinaryCopyBuffer int8(long value) {
        ensure(12);
        putInt(8);
        putLong(value);
        return this;
    }

    public BinaryCopyBuffer id(long value) {
        return value == 0 ? nul() : int8(value);
    }

    public BinaryCopyBuffer int4(int value) {
        ensure(8);
        putInt(4);
        putInt(value);
        return this;
    }

    public BinaryCopyBuffer bool(boolean value) {
        ensure(5);
        putInt(1);
        data[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** timestamptz from UTC epoch seconds: microseconds since 2000-01-01. */
    public BinaryCopyBuffer time(long epochSecond) {
        return int8((epochSecond - POSTGRES_EPOCH_SECOND) * 1_000_000L);
    }

    /** bigint that may be NULL. */
    public BinaryCopyBuffer int8(Long value) {
        return value == null ? nul() : int8(value.longValue());
    }

    /** timestamptz to the microsecond (PostgreSQL's precision). */
    public BinaryCopyBuffer time(OffsetDateTime at) {
        return at == null ? nul() : int8((at.toEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000L + at.getNano() / 1_000);
    }

    /** bigint[]: dimensions, a no-nulls flag and the element type, then each element with its length. */
    public BinaryCopyBuffer int8Array(long[] values) {
        if (values.length == 0) {
            ensure(16);
            putInt(12);
            putInt(0);
            putInt(0);
            putInt(INT8_OID);
            return this;
        }
        ensure(24 + 12 * values.length);
        putInt(20 + 12 * values.length);
        putInt(1);
        putInt(0);
        putInt(INT8_OID);
        putInt(values.length);
        putInt(1);
        for (long v : values) {
            putInt(8);
            putLong(v);
        }
        return this;
    }

    public BinaryCopyBuffer nul() {
        ensure(4);
        putInt(-1);
        return this;
    }

    /** text, varchar and enum labels all travel as UTF-8 bytes. */
    public BinaryCopyBuffer text(String value) {
        return value == null ? nul() : bytes(value, false);
    }

    /** jsonb: a version byte (1), then the JSON text. */
    public BinaryCopyBuffer jsonb(String value) {
        return value == null ? nul() : bytes(value, true);
    }

    private BinaryCopyBuffer bytes(String value, boolean jsonbVersion) {
        int n = value.length();
        ensure(4 + 1 + n * 3);
        int lengthAt = length;
        length += 4;
        int start = length;
        if (jsonbVersion) {
            data[length++] = 1;
        }
        // the JDK encodes an ASCII string by one vectorised check and an array copy: faster than a
        // loop over its chars here (an import's payloads are most of the bytes it sends)
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, data, length, utf8.length);
        length += utf8.length;
        int size = length - start;
        int end = length;
        length = lengthAt;
        putInt(size);
        length = end;
        return this;
    }

    /** Streams several buffers as one COPY statement (so one trigger run sees all their rows). */
    public static long copyAll(CopyManager copyManager, List<BinaryCopyBuffer> parts) throws SQLException {
        return copyAll(copyManager, parts.isEmpty() ? null : parts.get(0).copySql, parts);
    }

    /** The same, into the table {@code copySql} names (a staging table of the same columns, say). */
    public static long copyAll(CopyManager copyManager, String copySql, List<BinaryCopyBuffer> parts) throws SQLException {
        if (parts.stream().mapToLong(p -> p.rows).sum() == 0) {
            return 0;
        }
        CopyIn in = copyManager.copyIn(copySql);
        try {
            in.writeToCopy(HEADER, 0, HEADER.length);
            for (BinaryCopyBuffer p : parts) {
                for (int off = 0; off < p.length; off += CHUNK) {
                    in.writeToCopy(p.data, off, Math.min(CHUNK, p.length - off));
                }
            }
            in.writeToCopy(TRAILER, 0, TRAILER.length);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private void putShort(int v) {
        data[length++] = (byte) (v >>> 8);
        data[length++] = (byte) v;
    }

    private void putInt(int v) {
        data[length++] = (byte) (v >>> 24);
        data[length++] = (byte) (v >>> 16);
        data[length++] = (byte) (v >>> 8);
        data[length++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private void ensure(int extra) {
        if (length + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, length + extra));
        }
    }
}
