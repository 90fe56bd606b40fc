package dev.serialtrace.db.signature;

/** What a signature means (21 CFR Part 11 §11.50): the database enum {@code signature_meaning}. */
public enum SignatureMeaning {
    PERFORMED, REVIEWED, APPROVED;

    String literal() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static SignatureMeaning ofLiteral(String literal) {
        return valueOf(literal.toUpperCase(java.util.Locale.ROOT));
    }
}
