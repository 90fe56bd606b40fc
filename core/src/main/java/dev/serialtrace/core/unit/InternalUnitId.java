package dev.serialtrace.core.unit;

import java.util.Objects;
import java.util.Optional;

/**
 * The id Serialtrace gives every unit: {@code U} + 7 Crockford base-32 characters + 1 check
 * character, e.g. {@code U00002KQ7}. Crockford's alphabet has no I, L, O or U, so the id reads
 * aloud without confusion, and a mistyped id fails its check (ISO 7064 hybrid MOD 33,32) instead
 * of landing on another unit.
 */
public record InternalUnitId(long number) {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int M = ALPHABET.length();
    private static final int PAYLOAD_LENGTH = 7;
    public static final long MAX_NUMBER = (1L << (5 * PAYLOAD_LENGTH)) - 1;
    public static final char PREFIX = 'U';

    public InternalUnitId {
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("unit number out of range: " + number);
        }
    }

    /** Canonical text form, e.g. {@code U00002KQ7}. */
    public String text() {
        char[] payload = new char[PAYLOAD_LENGTH];
        long n = number;
        for (int i = PAYLOAD_LENGTH - 1; i >= 0; i--) {
            payload[i] = ALPHABET.charAt((int) (n & 31));
            n >>>= 5;
        }
        return PREFIX + new String(payload) + ALPHABET.charAt(checkValue(payload));
    }

    @Override
    public String toString() {
        return text();
    }

    /** Shorthand for {@code new InternalUnitId(number).text()}. */
    public static String format(long number) {
        return new InternalUnitId(number).text();
    }

    /**
     * Reads an id as people type it: any case, with spaces or hyphens, I/L for 1 and O for 0.
     * Empty when the text is not shaped like an id or its check character does not match.
     */
    public static Optional<InternalUnitId> parse(String input) {
        return Optional.ofNullable(tryParse(Objects.requireNonNull(input)));
    }

    /** True when the input is shaped like an internal id (prefix and length), valid or not. */
    public static boolean looksLikeOne(String input) {
        String s = compact(input);
        return s.length() == PAYLOAD_LENGTH + 2 && s.charAt(0) == PREFIX;
    }

    /**
     * Where an id-shaped input goes wrong, as an index into {@code input}: the first character
     * outside the alphabet, else the check character when it does not match; -1 when valid.
     */
    public static int locateError(String input) {
        if (tryParse(input) != null) {
            return -1;
        }
        int last = -1;
        int seen = 0;
        for (int i = 0; i < input.length(); i++) {
            char c = Character.toUpperCase(input.charAt(i));
            if (c == '-' || c == ' ') {
                continue;
            }
            if ((seen == 0 && c != PREFIX) || (seen > 0 && valueOf(c) < 0)) {
                return i;
            }
            seen++;
            last = i;
        }
        return last;
    }

    private static InternalUnitId tryParse(String input) {
        String s = compact(input);
        if (s.length() != PAYLOAD_LENGTH + 2 || s.charAt(0) != PREFIX) {
            return null;
        }
        char[] payload = new char[PAYLOAD_LENGTH];
        long n = 0;
        for (int i = 0; i < PAYLOAD_LENGTH; i++) {
            int v = valueOf(s.charAt(i + 1));
            if (v < 0) {
                return null;
            }
            payload[i] = ALPHABET.charAt(v);
            n = (n << 5) | v;
        }
        int check = valueOf(s.charAt(PAYLOAD_LENGTH + 1));
        if (check != checkValue(payload) || n == 0) {
            return null;
        }
        return new InternalUnitId(n);
    }

    private static String compact(String input) {
        StringBuilder b = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c != '-' && c != ' ') {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    private static int valueOf(char c) {
        switch (c) {
            case 'O': return 0;
            case 'I': case 'L': return 1;
            default: return ALPHABET.indexOf(c);
        }
    }

    /** ISO 7064 hybrid system with M = 32: detects every single substitution. */
    private static int checkValue(char[] payload) {
        int p = M;
        for (char c : payload) {
            p = (p + ALPHABET.indexOf(c)) % M;
            if (p == 0) {
                p = M;
            }
            p = (p * 2) % (M + 1);
        }
        return (M + 1 - p) % M;
    }
}
