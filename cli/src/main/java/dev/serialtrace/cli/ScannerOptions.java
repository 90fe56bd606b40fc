package dev.serialtrace.cli;

import dev.serialtrace.core.identify.ParserOptions;
import picocli.CommandLine.Option;

import java.time.Clock;

/** How the scanners are set up: --fnc1 names the character they send for FNC1 instead of GS. */
final class ScannerOptions {
    @Option(names = "--fnc1", paramLabel = "CHAR",
            description = "character the scanner sends for FNC1 instead of GS (0x1D), e.g. '~'")
    Character fnc1;

    ParserOptions parserOptions() {
        ParserOptions defaults = ParserOptions.defaults(Clock.systemDefaultZone());
        return fnc1 == null ? defaults : defaults.withFnc1Substitute(fnc1);
    }

    /** Control characters shown as one visible character each, so a caret under the text still lines up. */
    static String visible(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            b.append(c < 0x20 ? (char) (0x2400 + c) : c);
        }
        return b.toString();
    }
}
