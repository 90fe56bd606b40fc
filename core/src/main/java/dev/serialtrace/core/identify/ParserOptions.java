package dev.serialtrace.core.identify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How the site's scanners are set up, and "today" for two-digit years.
 *
 * @param fnc1Substitute character the scanners send for FNC1 instead of GS (0x1D), or null for none
 * @param referenceDate  centre of the GS1 century window for YYMMDD dates
 */
public record ParserOptions(Character fnc1Substitute, LocalDate referenceDate) {

    public ParserOptions {
        Objects.requireNonNull(referenceDate);
        if (fnc1Substitute != null && Character.isLetterOrDigit(fnc1Substitute)) {
            throw new IllegalArgumentException("FNC1 substitute must not be a letter or digit");
        }
    }

    public static ParserOptions defaults(Clock clock) {
        return new ParserOptions(null, LocalDate.now(clock));
    }

    public ParserOptions withFnc1Substitute(char substitute) {
        return new ParserOptions(substitute, referenceDate);
    }
}
