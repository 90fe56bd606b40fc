package dev.serialtrace.core.identify.hibc;

/** A HIBC syntax problem at a zero-based position into the raw input. */
public final class HibcException extends RuntimeException {
    private final int position;

    HibcException(String message, int position) {
        super(message, null, false, false);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
