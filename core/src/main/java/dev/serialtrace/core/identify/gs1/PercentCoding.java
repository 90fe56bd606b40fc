package dev.serialtrace.core.identify.gs1;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** URI percent-encoding for Digital Link path segments and query values, as the GS1 Syntax Engine does it. */
final class PercentCoding {
    private static final String HEX = "0123456789ABCDEF";

    private PercentCoding() {
    }

    /**
     * Decodes {@code s[from, to)}. In a query value '+' means space. Invalid escapes are kept
     * literally. {@code positions} receives the raw index of each decoded character, plus one
     * entry for the end.
     */
    static String decode(String s, int from, int to, boolean query, List<Integer> positions) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            positions.add(i);
            if (c == '%' && i + 2 < to && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
                i += 2;
            } else if (query && c == '+') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        positions.add(to);
        return out.toString();
    }

    static String encode(String value, boolean query) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else if (query && c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
