package dev.serialtrace.core.identify.gs1;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the human-readable form {@code (01)09506000134352(17)271231(10)AB12}. A literal '(' inside a
 * value is written {@code \(}, as in the GS1 Syntax Engine.
 */
public final class BracketedParser {
    private final LocalDate reference;

    public BracketedParser(LocalDate reference) {
        this.reference = reference;
    }

    public List<ParsedAi> parse(String raw) {
        List<ParsedAi> out = new ArrayList<>();
        int i = 0;
        int n = raw.length();
        if (n == 0 || raw.charAt(0) != '(') {
            throw new Gs1SyntaxException("bracketed data must start with '('", 0, null);
        }
        while (i < n) {
            int at = i;
            int close = raw.indexOf(')', i + 1);
            if (close < 0) {
                throw new Gs1SyntaxException("AI is not closed with ')'", i, null);
            }
            String ai = raw.substring(i + 1, close);
            if (!ai.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Gs1SyntaxException("AI must be numeric: '" + ai + "'", i + 1, null);
            }
            if (ai.length() < 2 || ai.length() > 4) {
                throw new Gs1SyntaxException("AI must have 2 to 4 digits: '" + ai + "'", i + 1, null);
            }
            AiDefinition def = AiDictionary.lookup(ai).orElseThrow(
                    () -> new Gs1SyntaxException("unknown AI (" + ai + ")", at + 1, ai));
            StringBuilder value = new StringBuilder();
            List<Integer> positions = new ArrayList<>();
            i = close + 1;
            while (i < n && raw.charAt(i) != '(') {
                if (raw.charAt(i) == '\\' && i + 1 < n && raw.charAt(i + 1) == '(') {
                    i++;
                }
                positions.add(i);
                value.append(raw.charAt(i));
                i++;
            }
            positions.add(i);
            if (value.length() == 0) {
                throw AiValueValidator.error(ai, "value is empty", close + 1);
            }
            AiValueValidator.validate(def, value.toString(), positions::get, reference);
            out.add(new ParsedAi(def, value.toString(), at, close + 1));
        }
        return out;
    }
}
