package dev.serialtrace.core.identify.gs1;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a GS1 element string as a scanner sends it: AIs run together, FNC1 after a variable-length
 * value transmitted as GS (0x1D) or a configured substitute. Predefined-length AIs ({@code *} in the
 * dictionary) take exactly their length and need no separator; a superfluous separator after them
 * and separators at the very end are tolerated, as the GS1 Syntax Engine does. Associations between
 * AIs are checked separately by {@link AiAssociations}.
 */
public final class ElementStringParser {
    public static final char GS = '\u001D';

    private final Character substitute;
    private final LocalDate reference;

    /** @param substitute the character the scanner sends for FNC1 instead of GS, or null */
    public ElementStringParser(Character substitute, LocalDate reference) {
        this.substitute = substitute;
        this.reference = reference;
    }

    public boolean isSeparator(char c) {
        return c == GS || (substitute != null && c == substitute);
    }

    /** Parses {@code raw} from index {@code start}; positions in results and errors index into {@code raw}. */
    public List<ParsedAi> parse(String raw, int start) {
        int end = raw.length();
        if (start >= end) {
            throw new Gs1SyntaxException("no AI data", start, null);
        }
        List<ParsedAi> out = new ArrayList<>();
        int i = start;
        while (i < end) {
            if (isSeparator(raw.charAt(i))) {
                if (onlySeparatorsFrom(raw, i) && !out.isEmpty()) {
                    break;
                }
                throw new Gs1SyntaxException("FNC1 separator where an AI was expected", i, null);
            }
            int at = i;
            AiDefinition def = AiDictionary.prefixOf(raw, i).orElseThrow(() -> new Gs1SyntaxException(
                    "no known AI is a prefix of '" + printable(raw.substring(at, Math.min(end, at + 4))) + "'", at, null));
            int valueStart = i + def.ai().length();
            int valueEnd;
            if (def.predefinedLength()) {
                valueEnd = valueStart + def.maxLength();
                for (int j = valueStart; j < Math.min(valueEnd, end + 1); j++) {
                    if (j == end || isSeparator(raw.charAt(j))) {
                        throw AiValueValidator.error(def.ai(), "value is too short (needs " + def.maxLength()
                                + " characters)", j);
                    }
                }
                i = valueEnd;
            } else {
                valueEnd = valueStart;
                while (valueEnd < end && !isSeparator(raw.charAt(valueEnd))) {
                    valueEnd++;
                }
                i = valueEnd;
            }
            if (i < end && isSeparator(raw.charAt(i))) {
                i++;
            }
            String value = raw.substring(valueStart, valueEnd);
            if (value.isEmpty()) {
                throw AiValueValidator.error(def.ai(), "value is empty", valueStart);
            }
            AiValueValidator.validate(def, value, k -> valueStart + k, reference);
            out.add(new ParsedAi(def, value, at, valueStart));
        }
        return out;
    }

    private boolean onlySeparatorsFrom(String raw, int i) {
        for (int j = i; j < raw.length(); j++) {
            if (!isSeparator(raw.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    static String printable(String s) {
        return s.replace(String.valueOf(GS), "<GS>");
    }
}
