package dev.serialtrace.core.identify.gs1;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionary's rules between AIs in one message, checked in the GS1 Syntax Engine's order:
 * a repeated AI must repeat its value, {@code ex=} pairs may not meet, and every {@code req=} key
 * must be met by one of its alternatives (e.g. 21 needs 01, 03 or 8006; 01 and 02 exclude each other).
 */
public final class AiAssociations {

    private AiAssociations() {
    }

    /** Throws {@link Gs1SyntaxException} at the AI that breaks a rule. */
    public static void check(List<ParsedAi> ais) {
        Map<String, ParsedAi> first = new HashMap<>();
        for (ParsedAi a : ais) {
            ParsedAi earlier = first.putIfAbsent(a.ai(), a);
            if (earlier != null && !earlier.value().equals(a.value())) {
                throw AiValueValidator.error(a.ai(), "repeated with a different value", a.position());
            }
        }
        for (ParsedAi a : ais) {
            for (String pattern : a.definition().excludes()) {
                for (ParsedAi b : ais) {
                    if (!b.ai().equals(a.ai()) && AiDefinition.matches(pattern, b.ai())) {
                        ParsedAi later = b.position() > a.position() ? b : a;
                        throw new Gs1SyntaxException("AI (" + a.ai() + ") may not be used together with AI ("
                                + b.ai() + ")", later.position(), later.ai());
                    }
                }
            }
        }
        for (ParsedAi a : ais) {
            for (List<String> alternatives : a.definition().requires()) {
                if (alternatives.stream().noneMatch(alt -> satisfied(alt, a.ai(), ais))) {
                    throw new Gs1SyntaxException("AI (" + a.ai() + ") requires AI (" + String.join(") or (", alternatives)
                            + ")", a.position(), a.ai());
                }
            }
        }
    }

    private static boolean satisfied(String alternative, String self, List<ParsedAi> ais) {
        for (String part : alternative.split("\\+")) {
            if (ais.stream().noneMatch(b -> !b.ai().equals(self) && AiDefinition.matches(part, b.ai()))) {
                return false;
            }
        }
        return true;
    }
}
