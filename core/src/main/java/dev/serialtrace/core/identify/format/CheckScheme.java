package dev.serialtrace.core.identify.format;

import java.util.Locale;

/**
 * Check-character schemes a product's serials may carry. {@link #code()} is the value stored in the
 * database enum ({@code none}, {@code gs1_mod10}, ...).
 */
public enum CheckScheme {
    /** No check character. */
    NONE {
        @Override
        public boolean isValid(String s) {
            return true;
        }

        @Override
        public String compute(String data) {
            return "";
        }
    },
    /** GS1 mod-10: weights 3,1,3,1… from the rightmost data digit (GTIN, SSCC, GLN). */
    GS1_MOD10 {
        @Override
        public String compute(String data) {
            requireDigits(data);
            int sum = 0;
            for (int i = data.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
                sum += weight * (data.charAt(i) - '0');
            }
            return String.valueOf((10 - sum % 10) % 10);
        }
    },
    /** Luhn (ISO/IEC 7812): double every second digit, starting with the rightmost data digit. */
    LUHN {
        @Override
        public String compute(String data) {
            requireDigits(data);
            int sum = 0;
            boolean doubleIt = true;
            for (int i = data.length() - 1; i >= 0; i--, doubleIt = !doubleIt) {
                int d = data.charAt(i) - '0';
                if (doubleIt) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
            }
            return String.valueOf((10 - sum % 10) % 10);
        }
    },
    /** HIBC mod-43: sum of the Code 39 character values, modulo 43 (includes the leading '+'). */
    HIBC_MOD43 {
        @Override
        public String compute(String data) {
            int sum = 0;
            for (int i = 0; i < data.length(); i++) {
                int v = MOD43.indexOf(data.charAt(i));
                if (v < 0) {
                    throw new IllegalArgumentException("not a HIBC character: '" + data.charAt(i) + "'");
                }
                sum += v;
            }
            return String.valueOf(MOD43.charAt(sum % 43));
        }
    },
    /** ISO 7064 MOD 37-2: pure system over 0-9 A-Z, check character 0-9 A-Z or '*'. */
    ISO7064_MOD37_2 {
        @Override
        public String compute(String data) {
            int p = 0;
            for (int i = 0; i < data.length(); i++) {
                int v = MOD37.indexOf(Character.toUpperCase(data.charAt(i)));
                if (v < 0 || v > 35) {
                    throw new IllegalArgumentException("not alphanumeric: '" + data.charAt(i) + "'");
                }
                p = ((p + v) * 2) % 37;
            }
            return String.valueOf(MOD37.charAt((38 - p) % 37));
        }
    };

    /** Code 39 values as HIBC uses them: 0–9, A–Z = 10–35, then - . space $ / + %. */
    public static final String MOD43 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
    private static final String MOD37 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

    /** The check character(s) for {@code data}; throws if {@code data} has characters the scheme cannot weigh. */
    public abstract String compute(String data);

    /** True when the last character of {@code s} is the check character of the rest. */
    public boolean isValid(String s) {
        if (s.length() < 2) {
            return false;
        }
        try {
            String data = s.substring(0, s.length() - 1);
            return compute(data).equalsIgnoreCase(s.substring(s.length() - 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The database enum value, e.g. {@code gs1_mod10}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckScheme fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    private static void requireDigits(String data) {
        if (data.isEmpty() || !data.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not all digits: " + data);
        }
    }
}
