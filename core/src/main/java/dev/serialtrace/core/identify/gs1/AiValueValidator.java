package dev.serialtrace.core.identify.gs1;

import dev.serialtrace.core.identify.format.CheckScheme;
import java.time.LocalDate;
import java.util.function.IntUnaryOperator;

/**
 * Checks one AI value against its dictionary entry: component lengths, character sets, then the
 * GS1 linters that matter for product identification (check digits, dates, times, zero flags,
 * piece-of-total). Linters for addresses, coupons, IBAN, country and currency codes are not run;
 * those AIs are accepted on length and character set alone.
 */
final class AiValueValidator {

    private AiValueValidator() {
    }

    /**
     * @param rawPosition maps an index into {@code value} (0..length inclusive) to an index into the
     *                    raw input, so errors point at the character the person scanned or typed
     */
    static void validate(AiDefinition def, String value, IntUnaryOperator rawPosition, LocalDate reference) {
        String ai = def.ai();
        int pos = 0;
        for (AiComponent c : def.components()) {
            int remaining = value.length() - pos;
            if (remaining == 0 && c.optional()) {
                break;
            }
            int take = c.fixedLength() ? c.maxLength() : Math.min(remaining, c.maxLength());
            if (remaining < (c.fixedLength() ? take : c.minLength())) {
                throw error(ai, "value is too short", rawPosition.applyAsInt(value.length()));
            }
            String part = value.substring(pos, pos + take);
            int bad = Charsets.firstInvalid(c.charset(), part);
            if (bad >= 0) {
                throw error(ai, "character '" + part.charAt(bad) + "' is not " + Charsets.describe(c.charset()),
                        rawPosition.applyAsInt(pos + bad));
            }
            for (String linter : c.linters()) {
                lint(ai, linter, part, pos, rawPosition, reference);
            }
            pos += take;
        }
        if (pos < value.length()) {
            throw error(ai, "value is too long (at most " + def.maxLength() + " characters)", rawPosition.applyAsInt(pos));
        }
    }

    private static void lint(String ai, String linter, String part, int offset, IntUnaryOperator raw, LocalDate ref) {
        try {
            switch (linter) {
                case "csum" -> {
                    if (!CheckScheme.GS1_MOD10.isValid(part)) {
                        String expected = CheckScheme.GS1_MOD10.compute(part.substring(0, part.length() - 1));
                        throw error(ai, "incorrect check digit (expected " + expected + ")",
                                raw.applyAsInt(offset + part.length() - 1));
                    }
                }
                case "yymmd0" -> Gs1Dates.parse(part, ref, true);
                case "yymmdd" -> Gs1Dates.parse(part, ref, false);
                case "yyyymmd0" -> Gs1Dates.parseFullYear(part, true);
                case "yyyymmdd" -> Gs1Dates.parseFullYear(part, false);
                case "hhmi" -> {
                    range(ai, part, 0, 23, "hour", offset, raw);
                    range(ai, part.substring(2), 0, 59, "minute", offset + 2, raw);
                }
                case "hh" -> range(ai, part, 0, 23, "hour", offset, raw);
                case "mi" -> range(ai, part, 0, 59, "minute", offset, raw);
                case "ss" -> range(ai, part, 0, 59, "second", offset, raw);
                case "yesno" -> range(ai, part, 0, 1, "flag (0 or 1)", offset, raw);
                case "zero" -> range(ai, part, 0, 0, "digit (must be 0)", offset, raw);
                case "nonzero" -> {
                    if (part.chars().allMatch(ch -> ch == '0')) {
                        throw error(ai, "value must not be zero", raw.applyAsInt(offset));
                    }
                }
                case "nozeroprefix" -> {
                    if (part.length() > 1 && part.charAt(0) == '0') {
                        throw error(ai, "value must not start with zero", raw.applyAsInt(offset));
                    }
                }
                case "hyphen" -> {
                    if (!part.equals("-")) {
                        throw error(ai, "expected '-'", raw.applyAsInt(offset));
                    }
                }
                case "pieceoftotal" -> pieceOfTotal(ai, part, offset, raw);
                default -> {
                    // linters outside product identification (see class comment)
                }
            }
        } catch (Gs1Dates.DateProblem e) {
            throw error(ai, e.getMessage(), raw.applyAsInt(offset + e.offset()));
        }
    }

    private static void range(String ai, String part, int min, int max, String what, int offset, IntUnaryOperator raw) {
        int v = Integer.parseInt(part.substring(0, Math.min(2, part.length())));
        if (v < min || v > max) {
            throw error(ai, "illegal " + what + " " + part.substring(0, Math.min(2, part.length())), raw.applyAsInt(offset));
        }
    }

    private static void pieceOfTotal(String ai, String part, int offset, IntUnaryOperator raw) {
        int piece = Integer.parseInt(part.substring(0, 2));
        int total = Integer.parseInt(part.substring(2, 4));
        if (piece == 0) {
            throw error(ai, "piece number must not be zero", raw.applyAsInt(offset));
        }
        if (total == 0) {
            throw error(ai, "total pieces must not be zero", raw.applyAsInt(offset + 2));
        }
        if (piece > total) {
            throw error(ai, "piece number exceeds total", raw.applyAsInt(offset));
        }
    }

    static Gs1SyntaxException error(String ai, String message, int position) {
        return new Gs1SyntaxException("AI (" + ai + "): " + message, position, ai);
    }
}
