package dev.serialtrace.core.unit;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The matching form of a manufacturer serial. Mirrors the database function
 * {@code normalize_serial}: case, whitespace and hyphens never tell two real serials apart.
 */
public final class SerialNormalizer {
    private static final Pattern IGNORED = Pattern.compile("[\\s\\-]+");

    private SerialNormalizer() {
    }

    public static String normalize(String serial) {
        return IGNORED.matcher(serial).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
