package dev.serialtrace.db.demo;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in PostgreSQL's binary COPY format, used for custody events, by far the largest table:
 * timestamps and numbers then arrive as machine values and the server skips parsing text, which
 * was most of its work per event. Each field is typed by its column; ids of 0 are written as NULL.
 */
final class BinaryCopyBuffer {
    private static final int CHUNK = 1 << 20;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;   // 2000-01-01T00:00:00Z

    private final String copySql;
    private byte[] data = new byte[1 << 16];
    private int length;
    private long rows;

    BinaryCopyBuffer(String table, String columns) {
        this.copySql = "copy " + table + " (" + columns + ") from stdin with (format binary)";
    }

    BinaryCopyBuffer row(int fields) {
        ensure(2);
        putShort(fields);
        rows++;
        return this;
    }

    BinaryCopyBuffer int8(long value) {
        ensure(12);
        putInt(8);
        putLong(value);
        return this;
    }

    BinaryCopyBuffer id(long value) {
        return value == 0 ? nul() : int8(value);
    }

    BinaryCopyBuffer int4(int value) {
        ensure(8);
        putInt(4);
        putInt(value);
        return this;
    }

    BinaryCopyBuffer bool(boolean value) {
        ensure(5);
        putInt(1);
        data[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** timestamptz from UTC epoch seconds: microseconds since 2000-01-01. */
    BinaryCopyBuffer time(long epochSecond) {
        return int8((epochSecond - POSTGRES_EPOCH_SECOND) * 1_000_000L);
    }

    BinaryCopyBuffer nul() {
        ensure(4);
        putInt(-1);
        return this;
    }

    /** text, varchar and enum labels all travel as UTF-8 bytes. */
    BinaryCopyBuffer text(String value) {
        return value == null ? nul() : bytes(value, false);
    }

    /** jsonb: a version byte (1), then the JSON text. */
    BinaryCopyBuffer jsonb(String value) {
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
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                data[length++] = (byte) c;
            } else {
                byte[] utf8 = value.substring(i).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, data, length, utf8.length);
                length += utf8.length;
                break;
            }
        }
        int size = length - start;
        int end = length;
        length = lengthAt;
        putInt(size);
        length = end;
        return this;
    }

    /** Streams several buffers as one COPY statement (so one trigger run sees all their rows). */
    static long copyAll(CopyManager copyManager, List<BinaryCopyBuffer> parts) throws SQLException {
        if (parts.stream().mapToLong(p -> p.rows).sum() == 0) {
            return 0;
        }
        CopyIn in = copyManager.copyIn(parts.get(0).copySql);
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
