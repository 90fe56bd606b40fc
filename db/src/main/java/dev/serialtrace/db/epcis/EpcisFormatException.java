package dev.serialtrace.db.epcis;

import java.io.IOException;

/** The document itself cannot be read (not JSON/XML, broken syntax, not EPCIS); says where. */
public final class EpcisFormatException extends IOException {
    public EpcisFormatException(String message) {
        super(message);
    }

    public EpcisFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
