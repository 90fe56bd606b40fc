package dev.serialtrace.core.identify;

import dev.serialtrace.core.identify.format.CheckScheme;
import java.nio.charset.StandardCharsets;

/**
 * EPC pure-identity URI of a serialised trade item, {@code urn:epc:id:sgtin:<company prefix>.<indicator
 * + item reference>.<serial>} (GS1 EPC Tag Data Standard). The GTIN's check digit is not in the URI,
 * and the split between company prefix and item reference is what tells the prefix length.
 */
public record SgtinUri(String gtin, int companyPrefixLength, String serial) {
    public static final String PREFIX = "urn:epc:id:sgtin:";
    /** Characters the TDS requires to be percent-escaped in an EPC URI serial. */
    private static final String ESCAPED = "\"%&/<>?";

    public SgtinUri {
        if (gtin.length() != 14 || !CheckScheme.GS1_MOD10.isValid(gtin)) {
            throw new IllegalArgumentException("not a valid GTIN-14: " + gtin);
        }
        if (companyPrefixLength < 6 || companyPrefixLength > 12) {
            throw new IllegalArgumentException("company prefix length must be 6..12: " + companyPrefixLength);
        }
        if (serial.isEmpty() || serial.length() > 20) {
            throw new IllegalArgumentException("serial must have 1..20 characters");
        }
    }

    public static SgtinUri of(String gtin14, int companyPrefixLength, String serial) {
        return new SgtinUri(gtin14, companyPrefixLength, serial);
    }

    /** The URI text, e.g. {@code urn:epc:id:sgtin:0614141.812345.6789}. */
    public String uri() {
        String companyPrefix = gtin.substring(1, 1 + companyPrefixLength);
        String itemReference = gtin.charAt(0) + gtin.substring(1 + companyPrefixLength, 13);
        return PREFIX + companyPrefix + "." + itemReference + "." + escape(serial);
    }

    @Override
    public String toString() {
        return uri();
    }

    /** Reads the three URI fields after the prefix; positions in errors are into {@code raw}. */
    static SgtinUri parse(String raw, int start) {
        int from = start + PREFIX.length();
        int dot1 = raw.indexOf('.', from);
        int dot2 = dot1 < 0 ? -1 : raw.indexOf('.', dot1 + 1);
        if (dot2 < 0) {
            throw new SgtinException("expected <company prefix>.<item reference>.<serial>", from);
        }
        String companyPrefix = raw.substring(from, dot1);
        String itemReference = raw.substring(dot1 + 1, dot2);
        int bad = firstNonDigit(companyPrefix);
        if (bad >= 0) {
            throw new SgtinException("company prefix must be digits", from + bad);
        }
        bad = firstNonDigit(itemReference);
        if (bad >= 0) {
            throw new SgtinException("indicator and item reference must be digits", dot1 + 1 + bad);
        }
        if (companyPrefix.length() < 6 || companyPrefix.length() > 12) {
            throw new SgtinException("company prefix must have 6 to 12 digits", from);
        }
        if (companyPrefix.length() + itemReference.length() != 13) {
            throw new SgtinException("company prefix and item reference must have 13 digits together", dot1 + 1);
        }
        String data = itemReference.charAt(0) + companyPrefix + itemReference.substring(1);
        String serial = unescape(raw, dot2 + 1);
        if (serial.isEmpty() || serial.length() > 20) {
            throw new SgtinException("serial must have 1 to 20 characters", dot2 + 1);
        }
        return new SgtinUri(data + CheckScheme.GS1_MOD10.compute(data), companyPrefix.length(), serial);
    }

    private static int firstNonDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return i;
            }
        }
        return s.isEmpty() ? 0 : -1;
    }

    private static String escape(String serial) {
        StringBuilder out = new StringBuilder();
        for (byte b : serial.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (ESCAPED.indexOf(c) >= 0 || c < 0x21 || c > 0x7E) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String raw, int from) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int v = i + 2 < raw.length() ? hex(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
                if (v < 0) {
                    throw new SgtinException("bad percent escape in serial", i);
                }
                out.append((char) v);
                i += 2;
            } else if (c < 0x21 || c > 0x7E || ESCAPED.indexOf(c) >= 0) {
                throw new SgtinException("character '" + c + "' must be percent-escaped in an EPC URI", i);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char a, char b) {
        int hi = Character.digit(a, 16);
        int lo = Character.digit(b, 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }

    /** Raised while reading an SGTIN URI; carries the position for {@link ParseError}. */
    static final class SgtinException extends RuntimeException {
        final int position;

        SgtinException(String message, int position) {
            super(message, null, false, false);
            this.position = position;
        }
    }
}
