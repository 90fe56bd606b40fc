package dev.serialtrace.db.signature;

import java.security.MessageDigest;
import java.time.OffsetDateTime;

/**
 * A recorded electronic signature: signer (their database role), printed name, meaning, time,
 * and the content hash it binds. The signature holds only for the content it was given.
 */
public record Signature(long id, String subjectType, long subjectId, String signer, String printedName,
                        SignatureMeaning meaning, OffsetDateTime signedAt, byte[] contentHash) {

    /** True when the record still has the content that was signed (same canonical hash). */
    public boolean bindsTo(byte[] currentContentHash) {
        return currentContentHash != null && MessageDigest.isEqual(contentHash, currentContentHash);
    }

    /** "Ann Example (ann), approved, 2026-11-27T10:15Z" — how a report or screen shows it. */
    public String manifestation() {
        return printedName + " (" + signer + "), " + meaning.name().toLowerCase(java.util.Locale.ROOT) + ", " + signedAt;
    }
}
