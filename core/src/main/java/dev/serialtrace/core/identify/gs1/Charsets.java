package dev.serialtrace.core.identify.gs1;

/** The character sets of the syntax dictionary's component types. */
public final class Charsets {
    /** GS1 AI encodable character set 82. */
    static final String CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    /** GS1 AI encodable character set 39. */
    static final String CSET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** base64url, the alphabet of type Z (digital signatures). */
    static final String CSET64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private Charsets() {
    }

    /** Index of the first character not allowed by {@code type}, or -1. */
    public static int firstInvalid(char type, String s) {
        int end = s.length();
        if (type == 'Z') {
            while (end > 0 && s.charAt(end - 1) == '=') {
                end--; // trailing padding only
            }
        }
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = switch (type) {
                case 'N' -> c >= '0' && c <= '9';
                case 'X' -> CSET82.indexOf(c) >= 0;
                case 'Y' -> CSET39.indexOf(c) >= 0;
                case 'Z' -> CSET64.indexOf(c) >= 0;
                default -> false;
            };
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    static String describe(char type) {
        return switch (type) {
            case 'N' -> "a digit";
            case 'X' -> "in GS1 character set 82";
            case 'Y' -> "in GS1 character set 39";
            default -> "base64url";
        };
    }
}
