package dev.serialtrace.core.identify.gs1;

import java.util.List;

/** Writes AI data as a scanner would send it, or in the bracketed human-readable form. */
public final class Gs1Writer {

    private Gs1Writer() {
    }

    /** Element string with {@code separator} after every variable-length value except the last. */
    public static String elementString(List<AiElement> ais, char separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ais.size(); i++) {
            AiElement e = ais.get(i);
            out.append(e.ai()).append(e.value());
            boolean predefined = AiDictionary.lookup(e.ai()).map(AiDefinition::predefinedLength).orElse(false);
            if (!predefined && i < ais.size() - 1) {
                out.append(separator);
            }
        }
        return out.toString();
    }

    public static String bracketed(List<AiElement> ais) {
        StringBuilder out = new StringBuilder();
        for (AiElement e : ais) {
            out.append('(').append(e.ai()).append(')').append(e.value().replace("(", "\\("));
        }
        return out.toString();
    }
}
