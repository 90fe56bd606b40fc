package dev.serialtrace.db.signature;

/** Signing was refused; the message says why and what to do. Nothing was recorded. */
public final class SignatureRefusedException extends RuntimeException {

    public enum Reason {
        /** Wrong user ID or password (the two are not told apart). */
        WRONG_CREDENTIALS,
        /** Too many failed attempts: the account is locked for a while. */
        LOCKED,
        /** The person may not sign (not a registered person, or a role without signing rights). */
        NOT_PERMITTED,
        /** The request itself is incomplete (no hash, no subject). */
        INVALID_REQUEST,
        /** The database could not be reached. */
        UNAVAILABLE
    }

    private final Reason reason;

    public SignatureRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
