package dev.serialtrace.db.signature;

import dev.serialtrace.db.jooq.Routines;
import dev.serialtrace.db.jooq.tables.records.SignatureRecord;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import static dev.serialtrace.db.jooq.Tables.PERSON;
import static dev.serialtrace.db.jooq.Tables.SIGNATURE;

/**
 * Electronic signatures (21 CFR Part 11): the signer gives their user ID and password at the
 * moment of signing; the service proves them by opening a short connection <em>as that person</em>
 * to the same server, and records the signature through it. The database stamps the signer
 * (its session user — nobody can sign as someone else), the printed name (from {@code person}),
 * and the time, and never lets a signature change. Failed attempts count towards the account lock.
 */
public final class ElectronicSignatures {
    private static final int SHA256_LENGTH = 32;

    private final DataSource session;
    private final String jdbcUrl;

    /** Signs against the server behind {@code session} (the signed-in person's pool). */
    public ElectronicSignatures(DataSource session) {
        this(session, urlOf(session));
    }

    public ElectronicSignatures(DataSource session, String jdbcUrl) {
        this.session = Objects.requireNonNull(session);
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl);
    }

    public Signature sign(SignatureRequest request) {
        validate(request);
        refuseIfLocked(request.userName());
        Properties credentials = new Properties();
        credentials.setProperty("user", request.userName());
        credentials.setProperty("password", new String(request.password()));
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("ApplicationName", "Serialtrace signature");
        try (Connection asSigner = DriverManager.getConnection(jdbcUrl, credentials)) {
            DSLContext signer = DSL.using(asSigner, SQLDialect.POSTGRES);
            return signer.transactionResult(tx -> {
                Routines.refuseLockedPerson(tx);
                Routines.recordSuccessfulSignIn(tx);
                SignatureRecord row = tx.dsl().insertInto(SIGNATURE)
                        .set(SIGNATURE.SUBJECT_TYPE, request.subjectType())
                        .set(SIGNATURE.SUBJECT_ID, request.subjectId())
                        .set(SIGNATURE.MEANING, dev.serialtrace.db.jooq.enums.SignatureMeaning.valueOf(request.meaning().literal()))
                        .set(SIGNATURE.CONTENT_HASH, request.contentHash().clone())
                        .returning()
                        .fetchOne();
                return toSignature(row);
            });
        } catch (SQLException e) {
            throw refusal(request.userName(), e.getSQLState(), e);
        } catch (DataAccessException e) {
            throw refusal(request.userName(), e.sqlState(), e);
        }
    }

    /** Every signature of one record, oldest first. */
    public List<Signature> forSubject(String subjectType, long subjectId) {
        return DSL.using(session, SQLDialect.POSTGRES).selectFrom(SIGNATURE)
                .where(SIGNATURE.SUBJECT_TYPE.eq(subjectType)).and(SIGNATURE.SUBJECT_ID.eq(subjectId))
                .orderBy(SIGNATURE.SIGNED_AT, SIGNATURE.ID)
                .fetch(ElectronicSignatures::toSignature);
    }

    private static void validate(SignatureRequest r) {
        if (r == null || r.subjectType() == null || r.subjectType().isBlank() || r.meaning() == null) {
            throw new SignatureRefusedException(SignatureRefusedException.Reason.INVALID_REQUEST,
                    "Nothing to sign: the record and the meaning of the signature are required.", null);
        }
        if (r.contentHash() == null || r.contentHash().length != SHA256_LENGTH) {
            throw new SignatureRefusedException(SignatureRefusedException.Reason.INVALID_REQUEST,
                    "A signature binds the SHA-256 hash of the signed content (32 bytes).", null);
        }
        if (r.userName() == null || r.userName().isBlank() || r.password() == null || r.password().length == 0) {
            throw new SignatureRefusedException(SignatureRefusedException.Reason.WRONG_CREDENTIALS,
                    "Enter your user ID and password to sign.", null);
        }
    }

    private void refuseIfLocked(String userName) {
        OffsetDateTime until = DSL.using(session, SQLDialect.POSTGRES)
                .select(PERSON.LOCKED_UNTIL).from(PERSON).where(PERSON.LOGIN.eq(userName))
                .fetchOptional(PERSON.LOCKED_UNTIL).orElse(null);
        if (until != null && until.isAfter(OffsetDateTime.now())) {
            throw locked(userName, until.toString(), null);
        }
    }

    private SignatureRefusedException refusal(String userName, String sqlState, Exception e) {
        String state = sqlState == null ? "" : sqlState;
        switch (state) {
            case "28P01", "28000" -> {
                int left = countFailure(userName);
                return new SignatureRefusedException(left == 0 ? SignatureRefusedException.Reason.LOCKED
                        : SignatureRefusedException.Reason.WRONG_CREDENTIALS,
                        left == 0 ? "Wrong user ID or password. The account \"" + userName
                                + "\" is now locked after repeated failures; nothing was signed."
                                : "Wrong user ID or password for \"" + userName + "\"; nothing was signed."
                                + (left < 0 ? "" : " " + left + (left == 1 ? " attempt" : " attempts")
                                        + " left before the account is locked."), e);
            }
            case "ST423" -> {
                return locked(userName, null, e);
            }
            case "42501" -> {
                return new SignatureRefusedException(SignatureRefusedException.Reason.NOT_PERMITTED,
                        "\"" + userName + "\" may not sign this: " + rootMessage(e), e);
            }
            default -> {
                if (state.startsWith("08")) {
                    return new SignatureRefusedException(SignatureRefusedException.Reason.UNAVAILABLE,
                            "The database could not be reached to record the signature; nothing was signed. Try again.", e);
                }
                return new SignatureRefusedException(SignatureRefusedException.Reason.NOT_PERMITTED,
                        "The signature was not recorded: " + rootMessage(e), e);
            }
        }
    }

    private static SignatureRefusedException locked(String userName, String until, Exception cause) {
        return new SignatureRefusedException(SignatureRefusedException.Reason.LOCKED,
                "The account \"" + userName + "\" is locked after repeated failed sign-ins"
                        + (until == null ? "" : " until " + until) + "; nothing was signed. Wait, or ask an administrator to unlock it.",
                cause);
    }

    /** Counted through the signed-in session: the failed connection itself has no session. */
    private int countFailure(String userName) {
        try {
            return Routines.recordFailedSignIn(DSL.using(session, SQLDialect.POSTGRES).configuration(), userName);
        } catch (DataAccessException e) {
            return -1;
        }
    }

    private static Signature toSignature(SignatureRecord r) {
        return new Signature(r.getId(), r.getSubjectType(), r.getSubjectId(), r.getSigner(), r.getPrintedName(),
                SignatureMeaning.ofLiteral(r.getMeaning().getLiteral()), r.getSignedAt(), r.getContentHash());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int newline = m.indexOf('\n');
        return (newline < 0 ? m : m.substring(0, newline)).replaceFirst("^ERROR: ", "");
    }

    private static String urlOf(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which server to sign against: " + e.getMessage(), e);
        }
    }
}
