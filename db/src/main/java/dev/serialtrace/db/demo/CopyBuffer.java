package dev.serialtrace.db.demo;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format, built straight into bytes (no per-value objects), then
 * streamed to the server in large chunks so it parses while we keep sending.
 * Ids of 0 stand for "no reference" and are written as NULL.
 */
final class CopyBuffer {
    private static final int CHUNK = 1 << 20;

    private final String copySql;
    private byte[] data = new byte[1 << 16];
    private int length;
    private long rows;

    CopyBuffer(String table, String columns) {
        this.copySql = "copy " + table + " (" + columns + ") from stdin";
    }

    long rows() {
        return rows;
    }

    CopyBuffer id(long value) {
        return value == 0 ? nul() : num(value);
    }

    CopyBuffer num(long value) {
        ensure(21);
        if (value < 0) {
            data[length++] = '-';
            value = -value;
        }
        int start = length;
        do {
            data[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        reverse(start, length - 1);
        return tab();
    }

    /** A number with two decimals given in hundredths, e.g. 523 -> 5.23. */
    CopyBuffer centi(long hundredths) {
        ensure(24);
        if (hundredths < 0) {
            data[length++] = '-';
            hundredths = -hundredths;
        }
        long whole = hundredths / 100;
        int frac = (int) (hundredths % 100);
        int start = length;
        do {
            data[length++] = (byte) ('0' + whole % 10);
            whole /= 10;
        } while (whole > 0);
        reverse(start, length - 1);
        data[length++] = '.';
        data[length++] = (byte) ('0' + frac / 10);
        data[length++] = (byte) ('0' + frac % 10);
        return tab();
    }

    CopyBuffer bool(boolean value) {
        ensure(2);
        data[length++] = (byte) (value ? 't' : 'f');
        return tab();
    }

    CopyBuffer nul() {
        ensure(3);
        data[length++] = '\\';
        data[length++] = 'N';
        return tab();
    }

    CopyBuffer text(String value) {
        if (value == null) {
            return nul();
        }
        ensure(value.length() * 2 + 1);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\': data[length++] = '\\'; data[length++] = '\\'; break;
                case '\t': data[length++] = '\\'; data[length++] = 't'; break;
                case '\n': data[length++] = '\\'; data[length++] = 'n'; break;
                case '\r': data[length++] = '\\'; data[length++] = 'r'; break;
                default:
                    if (c < 0x80) {
                        data[length++] = (byte) c;
                    } else {
                        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                        ensure(utf8.length + value.length() * 2);
                        System.arraycopy(utf8, 0, data, length, utf8.length);
                        length += utf8.length;
                    }
            }
        }
        return tab();
    }

    /** A timestamptz given as UTC epoch seconds, written as {@code 2025-03-01 14:05:09+00}. */
    CopyBuffer time(long epochSecond) {
        ensure(24);
        long day = Math.floorDiv(epochSecond, 86_400);
        int secs = (int) Math.floorMod(epochSecond, 86_400);
        writeDate(day);
        data[length++] = ' ';
        two(secs / 3600);
        data[length++] = ':';
        two(secs / 60 % 60);
        data[length++] = ':';
        two(secs % 60);
        data[length++] = '+';
        data[length++] = '0';
        data[length++] = '0';
        return tab();
    }

    CopyBuffer date(long epochDay) {
        ensure(12);
        writeDate(epochDay);
        return tab();
    }

    void endRow() {
        data[length - 1] = '\n';
        rows++;
    }

    /** Streams all rows to the server; returns the row count. */
    long copyTo(CopyManager copyManager) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        CopyIn in = copyManager.copyIn(copySql);
        try {
            for (int off = 0; off < length; off += CHUNK) {
                in.writeToCopy(data, off, Math.min(CHUNK, length - off));
            }
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private CopyBuffer tab() {
        data[length++] = '\t';
        return this;
    }

    private void two(int v) {
        data[length++] = (byte) ('0' + v / 10);
        data[length++] = (byte) ('0' + v % 10);
    }

    // civil-from-days (H. Hinnant): epoch day -> y-m-d without allocating
    private void writeDate(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (m <= 2) {
            y++;
        }
        int year = (int) y;
        data[length++] = (byte) ('0' + year / 1000);
        data[length++] = (byte) ('0' + year / 100 % 10);
        two(year % 100);
        data[length++] = '-';
        two(m);
        data[length++] = '-';
        two(d);
    }

    private void reverse(int i, int j) {
        while (i < j) {
            byte t = data[i];
            data[i++] = data[j];
            data[j--] = t;
        }
    }

    private void ensure(int extra) {
        if (length + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, length + extra));
        }
    }
}
