package dev.serialtrace.db.signature;

/**
 * A person's request to sign a record: what (subject type and id), the SHA-256 of the canonical
 * form of the record as shown to them (computed by the subject's owner), the meaning, and the
 * signer's own user ID and password, asked at the moment of signing.
 */
public record SignatureRequest(String subjectType, long subjectId, byte[] contentHash, SignatureMeaning meaning,
                               String userName, char[] password) {

    @Override
    public String toString() {   // never the password
        return "SignatureRequest[" + subjectType + " " + subjectId + ", " + meaning + ", by " + userName + "]";
    }
}
