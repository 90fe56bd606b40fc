package dev.serialtrace.core.identify.gs1;

import java.util.List;

/**
 * One AI from GS1's syntax dictionary.
 *
 * @param predefinedLength {@code *} flag: the value has a fixed length and needs no FNC1 after it
 * @param dataAttribute    {@code ?} flag: may appear in a Digital Link query string
 * @param requires         each inner list is one {@code req=} key; one of its alternatives must be
 *                         present, and an alternative such as {@code 01+21} needs all its parts
 * @param excludes         {@code ex=} patterns ({@code n} = any digit) that may not occur with this AI
 * @param dlQualifiers     empty if not a Digital Link primary key, otherwise one list per
 *                         {@code |}-separated alternative of ordered optional qualifiers
 */
public record AiDefinition(
        String ai,
        boolean predefinedLength,
        boolean dataAttribute,
        List<AiComponent> components,
        List<List<String>> requires,
        List<String> excludes,
        List<List<String>> dlQualifiers,
        String title) {

    public boolean isDlPrimaryKey() {
        return !dlQualifiers.isEmpty();
    }

    public int minLength() {
        return components.stream().filter(c -> !c.optional()).mapToInt(AiComponent::minLength).sum();
    }

    public int maxLength() {
        return components.stream().mapToInt(AiComponent::maxLength).sum();
    }

    /** True when {@code pattern} (an AI, or an AI with {@code n} wildcards) names {@code ai}. */
    static boolean matches(String pattern, String ai) {
        if (pattern.length() != ai.length()) {
            return false;
        }
        for (int i = 0; i < ai.length(); i++) {
            char p = pattern.charAt(i);
            if (p != 'n' && p != ai.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
