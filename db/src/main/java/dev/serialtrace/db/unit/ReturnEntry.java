package dev.serialtrace.db.unit;

import java.time.OffsetDateTime;

/** One return authorisation touching a unit, authorised serial beside the one received. */
public record ReturnEntry(String rmaNumber, String customer, OffsetDateTime openedAt, OffsetDateTime receivedAt,
                          String reason, String authorisedSerial, String receivedSerial) {

    /** The customer sent back a different unit than the one authorised. */
    public boolean wrongSerialReceived() {
        return receivedSerial != null && !receivedSerial.equalsIgnoreCase(authorisedSerial);
    }
}
