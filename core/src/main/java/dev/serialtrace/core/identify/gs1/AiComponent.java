package dev.serialtrace.core.identify.gs1;

import java.util.List;

/**
 * One part of an AI's data field as the syntax dictionary describes it, e.g. {@code N6,yymmd0}
 * or {@code [X..17]}: character set, length bounds, whether it may be left out, and the names
 * of the GS1 linters that check its content.
 */
public record AiComponent(char charset, int minLength, int maxLength, boolean optional, List<String> linters) {

    /** Parses a dictionary component such as {@code N..20}, {@code N14,csum} or {@code [N4],hhmi}. */
    static AiComponent parse(String spec) {
        boolean optional = spec.startsWith("[");
        String s = optional ? spec.substring(1).replaceFirst("]", "") : spec;
        String[] parts = s.split(",");
        String type = parts[0];
        char charset = type.charAt(0);
        int min;
        int max;
        if (type.startsWith("..", 1)) {
            min = 1;
            max = Integer.parseInt(type.substring(3));
        } else {
            min = max = Integer.parseInt(type.substring(1));
        }
        return new AiComponent(charset, min, max, optional, List.of(parts).subList(1, parts.length));
    }

    boolean fixedLength() {
        return minLength == maxLength;
    }
}
