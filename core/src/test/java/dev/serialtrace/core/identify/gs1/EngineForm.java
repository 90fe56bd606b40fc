package dev.serialtrace.core.identify.gs1;

import java.util.List;

/** Test helper: the GS1 Syntax Engine's "^"-notation of AI data, so its vectors can be compared verbatim. */
final class EngineForm {
    static final java.time.LocalDate REFERENCE = java.time.LocalDate.of(2026, 11, 26);

    private EngineForm() {
    }

    static String of(List<ParsedAi> ais) {
        StringBuilder out = new StringBuilder("^");
        for (int i = 0; i < ais.size(); i++) {
            ParsedAi a = ais.get(i);
            out.append(a.ai()).append(a.value());
            if (!a.definition().predefinedLength() && i < ais.size() - 1) {
                out.append('^');
            }
        }
        return out.toString();
    }

    /** Engine data string "^01...^10..." to scanner form: leading FNC1 dropped, the others as GS. */
    static String scanned(String engineData) {
        return engineData.substring(1).replace('^', ElementStringParser.GS);
    }
}
