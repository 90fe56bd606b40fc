package dev.serialtrace.core.identify;

import java.util.Objects;

/**
 * Why a capture could not be read.
 *
 * @param kind     what the input was read as when it failed (e.g. GS1 because it had a symbology
 *                 identifier), or null when that was not decided
 * @param position zero-based index into the raw input of the offending character
 * @param ai       the GS1 AI concerned, or null
 */
public record ParseError(IdentifierKind kind, String message, int position, String ai) implements ParseResult {

    public ParseError {
        Objects.requireNonNull(message);
    }

    @Override
    public boolean ok() {
        return false;
    }
}
