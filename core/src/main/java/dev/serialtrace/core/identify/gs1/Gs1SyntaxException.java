package dev.serialtrace.core.identify.gs1;

/**
 * A GS1 syntax problem found while reading an element string, bracketed string or Digital Link.
 * Thrown only inside the GS1 readers, which turn it into a {@code ParseError}.
 *
 * @param position zero-based index into the raw input
 * @param ai       the AI concerned, or null when the problem is not about one AI
 */
public final class Gs1SyntaxException extends RuntimeException {
    private final int position;
    private final String ai;

    public Gs1SyntaxException(String message, int position, String ai) {
        super(message, null, false, false);
        this.position = position;
        this.ai = ai;
    }

    public int position() {
        return position;
    }

    public String ai() {
        return ai;
    }
}
