package dev.serialtrace.db.demo;

/**
 * How one manufacturer prints serials. A running number per manufacturer is scrambled by an
 * affine bijection (n * a + b mod space), so serials look random yet can never repeat.
 * The offset b comes from the seed, so another seed yields other serials.
 */
enum SerialFormat {
    /** e.g. LT-2025-A4K7-9B2X */
    LAPTOP("[0-9A-Z\\-]", "LT-[0-9]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", 17, 17, pow(36, 8)),
    /** e.g. TV8K25X4M9Q2: model size code, year, six characters */
    TV("[0-9A-Z]", "TV[0-9][0-9A-Z][0-9]{2}[0-9A-Z]{6}", 12, 12, pow(36, 6)),
    /** Harmonia audio: HA + ten characters */
    AUDIO("[0-9A-Z]", "HA[0-9A-Z]{10}", 12, 12, pow(36, 10)),
    /** Home-theatre set: HTS-000000 style */
    KIT("[0-9A-Z\\-]", "HTS-[0-9]{7}", 11, 11, pow(10, 7)),
    /** DSCSA serial: 12 alphanumerics */
    PHARMA("[0-9A-Z]", "[0-9A-Z]{12}", 12, 12, pow(36, 12)),
    /** Medical device serial under HIBC: MS + 8 digits */
    HIBC_DEVICE("[0-9A-Z]", "MS[0-9]{8}", 10, 10, pow(10, 8)),
    /** Medical device serial under GS1 UDI: 10 digits */
    UDI_DEVICE("[0-9]", "[0-9]{10}", 10, 10, pow(10, 10)),
    /** e.g. FA1234567 (the two letters differ per manufacturer) */
    FIREARM("[0-9A-Z]", "[A-Z]{2}[0-9]{7}", 9, 9, pow(10, 7));

    private static final String B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    final String charset;
    final String pattern;
    final int minLength;
    final int maxLength;
    final long space;

    SerialFormat(String charset, String pattern, int minLength, int maxLength, long space) {
        this.charset = charset;
        this.pattern = pattern;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.space = space;
    }

    /** The serial for running number n; prefix is used by formats with a per-maker prefix. */
    String serial(long n, long offset, int year, String prefix) {
        long v = scramble(n, offset);
        switch (this) {
            case LAPTOP: {
                String s = base36(v, 8);
                return "LT-" + year + "-" + s.substring(0, 4) + "-" + s.substring(4);
            }
            case TV:
                return "TV" + (char) ('4' + (int) (n % 5)) + "K" + two(year % 100) + base36(v, 6);
            case AUDIO:
                return "HA" + base36(v, 10);
            case KIT:
                return "HTS-" + digits(v, 7);
            case PHARMA:
                return base36(v, 12);
            case HIBC_DEVICE:
                return "MS" + digits(v, 8);
            case UDI_DEVICE:
                return digits(v, 10);
            default:
                return prefix + digits(v, 7);
        }
    }

    /**
     * Bijection on [0, space): the multiplier is coprime with 2, 3 and 5 (every space is built from
     * those). No overflow while n < 1.5e8 and offset < 2^61: running numbers stay far below that.
     */
    private long scramble(long n, long offset) {
        long a = 48_271_000_007L;
        return Math.floorMod(Math.floorMod(n, space) * a % space + offset, space);
    }

    private static String base36(long v, int width) {
        char[] c = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            c[i] = B36.charAt((int) (v % 36));
            v /= 36;
        }
        return new String(c);
    }

    private static String digits(long v, int width) {
        String s = Long.toString(v);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static long pow(long b, int e) {
        long r = 1;
        for (int i = 0; i < e; i++) {
            r *= b;
        }
        return r;
    }
}
