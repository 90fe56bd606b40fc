package dev.serialtrace.db.epcis;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading rows of PostgreSQL's COPY text format (the counterpart of {@link CopyRows}). */
final class CopyText {
    private CopyText() {
    }

    /** One row (without its newline, as {@code CopyOut.readFromCopy} gives it) into its columns; {@code \N} is null. */
    static String[] split(byte[] line, int columns) {
        int end = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        String[] out = new String[columns];
        int column = 0;
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i <= end; i++) {
            if (i == end || line[i] == '\t') {
                if (column < columns) {
                    out[column] = value(line, start, i, escaped);
                }
                column++;
                start = i + 1;
                escaped = false;
            } else if (line[i] == '\\') {
                escaped = true;
                i++; // the escaped byte is never a separator
            }
        }
        if (column != columns) {
            throw new IllegalStateException("COPY row with " + column + " columns where " + columns + " were expected");
        }
        return out;
    }

    private static String value(byte[] line, int from, int to, boolean escaped) {
        if (to - from == 2 && line[from] == '\\' && line[from + 1] == 'N') {
            return null;
        }
        String raw = new String(line, from, to - from, StandardCharsets.UTF_8);
        return escaped ? unescape(raw) : raw;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'v' -> b.append('\u000B');
                default -> b.append(n); // \\ and any other escaped character stand for themselves
            }
        }
        return b.toString();
    }

    /** A timestamptz as COPY writes it ({@code 2026-11-03 10:15:00.123+01}) or as ISO text ({@code 2026-11-03T10:15+01:00}). */
    static OffsetDateTime timestamp(String s) {
        OffsetDateTime fast = fastParse(s, true);
        return fast != null ? fast : EpcisEvents.parseTime(s.length() > 10 && s.charAt(10) == ' '
                ? s.substring(0, 10) + 'T' + s.substring(11) : s);
    }

    /**
     * The common shapes by hand, null for any other (java.time's parser was a tenth of an import's
     * and an export's time): xsd:dateTime {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:mm)}, or with
     * {@code copyForm} PostgreSQL's {@code yyyy-MM-dd HH:mm:ss[.f…]±HH[:mm[:ss]]}.
     */
    static OffsetDateTime fastParse(String s, boolean copyForm) {
        if (s.length() < 20 || s.charAt(10) != (copyForm ? ' ' : 'T') || s.charAt(13) != ':' || s.charAt(16) != ':'
                || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        try {
            int i = 19;
            int nanos = 0;
            if (s.charAt(i) == '.') {
                int scale = 100_000_000;
                for (i++; i < s.length() && Character.isDigit(s.charAt(i)); i++) {
                    nanos += (s.charAt(i) - '0') * scale;
                    scale /= 10;
                }
                if (scale == 0 && i < s.length() && Character.isDigit(s.charAt(i))) {
                    return null; // more than nanoseconds
                }
            }
            ZoneOffset offset;
            char c = s.charAt(i);
            if (c == 'Z' && i + 1 == s.length()) {
                offset = ZoneOffset.UTC;
            } else if (c == '+' || c == '-') {
                String rest = s.substring(i + 1);
                int seconds;
                if (copyForm && rest.length() == 2) {
                    seconds = digits(rest, 0, 2) * 3600;
                } else if (rest.length() == 5 && rest.charAt(2) == ':') {
                    seconds = digits(rest, 0, 2) * 3600 + digits(rest, 3, 2) * 60;
                } else if (copyForm && rest.length() == 8 && rest.charAt(2) == ':' && rest.charAt(5) == ':') {
                    seconds = digits(rest, 0, 2) * 3600 + digits(rest, 3, 2) * 60 + digits(rest, 6, 2);
                } else {
                    return null;
                }
                offset = ZoneOffset.ofTotalSeconds(c == '-' ? -seconds : seconds);
            } else {
                return null;
            }
            return OffsetDateTime.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2), digits(s, 11, 2), digits(s, 14, 2),
                    digits(s, 17, 2), nanos, offset);
        } catch (RuntimeException unexpectedShape) {
            return null; // java.time decides, and words the error
        }
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i + " of " + s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static boolean bool(String s) {
        return s != null && (s.equals("t") || s.equals("true"));
    }
}
