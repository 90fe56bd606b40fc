package dev.serialtrace.core.identify.format;

import java.util.Locale;

/** How letter case counts for a product's serials; {@link #code()} matches the database value. */
public enum CasePolicy {
    /** Case is significant and kept as captured. */
    PRESERVE,
    /** Serials are printed in upper case; a lower-case capture breaks the rule. */
    UPPER,
    /** Case carries no meaning; rules are checked on the upper-cased serial. */
    INSENSITIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CasePolicy fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
