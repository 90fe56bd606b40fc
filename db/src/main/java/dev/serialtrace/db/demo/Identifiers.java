package dev.serialtrace.db.demo;

import java.util.SplittableRandom;

/** GS1 numbers and the capture errors people make with serials. */
final class Identifiers {
    private static final String CONFUSABLE_FROM = "0O1I5S8B2Z";
    private static final String CONFUSABLE_TO = "O0I1S5B8Z2";

    private Identifiers() {
    }

    /** GS1 mod-10: weights 3,1,3,… from the rightmost data digit. */
    static int gs1CheckDigit(String data) {
        int sum = 0;
        for (int i = data.length() - 1, w = 3; i >= 0; i--, w = 4 - w) {
            sum += (data.charAt(i) - '0') * w;
        }
        return (10 - sum % 10) % 10;
    }

    static String withCheckDigit(String data) {
        return data + gs1CheckDigit(data);
    }

    /** GTIN-14 carrying a 10-digit NDC: indicator + "03" + NDC + check digit. */
    static String gtinFromNdc(int indicator, String ndc10) {
        return withCheckDigit(indicator + "03" + ndc10);
    }

    /**
     * The serial with one character swapped for its look-alike (0/O, 1/I, 5/S, 8/B, 2/Z), or null
     * when it has none: how a hand-typed or badly read serial goes wrong.
     */
    static String confusableTypo(String serial, SplittableRandom random) {
        int n = serial.length();
        int start = random.nextInt(n);
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            int at = CONFUSABLE_FROM.indexOf(serial.charAt(i));
            if (at >= 0) {
                return serial.substring(0, i) + CONFUSABLE_TO.charAt(at) + serial.substring(i + 1);
            }
        }
        return null;
    }

    /** A GS1 DataMatrix payload as a scanner sends it (]d2 prefix, GS after variable fields). */
    static String gs1Scan(String gtin, String serial, String lot, long expiryEpochDay) {
        StringBuilder b = new StringBuilder(64).append("]d201").append(gtin);
        if (expiryEpochDay != 0) {
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(expiryEpochDay);
            b.append("17").append(String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth()));
        }
        if (lot != null) {
            b.append("10").append(lot).append('\u001d');
        }
        return b.append("21").append(serial).toString();
    }
}
