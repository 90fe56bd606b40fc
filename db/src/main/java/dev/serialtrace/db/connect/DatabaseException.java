package dev.serialtrace.db.connect;

/** A database problem said for people: what happened and what to do about it. */
public class DatabaseException extends RuntimeException {
    private final String hint;

    public DatabaseException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public DatabaseException(String message, String hint) {
        this(message, hint, null);
    }

    /** What the person can do about it. */
    public String hint() {
        return hint;
    }
}
