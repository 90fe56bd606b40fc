package dev.serialtrace.db.signature;

import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

import static dev.serialtrace.db.jooq.Tables.REPORT_RECORD;

/**
 * Report approval (issue 8): a report is signed by its name and reproducible report id, which
 * already digests its parameters, as-of moment and data — so the signature holds for exactly that
 * report, regenerated or not, and for no other.
 */
public final class ReportApprovals {
    public static final String SUBJECT = "report";

    private final DSLContext session;
    private final ElectronicSignatures signatures;

    /** @param session the signed-in person's connection (records the report); signatures prove the signer */
    public ReportApprovals(DSLContext session, ElectronicSignatures signatures) {
        this.session = session;
        this.signatures = signatures;
    }

    /** Signs the report (user ID and password of the signer, checked by the server); refused like any signature. */
    public Signature sign(String reportName, String reportId, String parameters, SignatureMeaning meaning, String user, char[] password) {
        long id = record(reportName, reportId, parameters);
        return signatures.sign(new SignatureRequest(SUBJECT, id, contentHash(reportName, reportId), meaning, user, password));
    }

    /** The signatures of this report (name and id), oldest first; empty when nobody signed it. */
    public List<Signature> approvals(String reportName, String reportId) {
        return find(reportName, reportId).map(id -> signatures.forSubject(SUBJECT, id)).orElse(List.of());
    }

    /** Whether a signature still holds for the report it names (its hash is that of this name and id). */
    public static boolean holds(Signature s, String reportName, String reportId) {
        return s.bindsTo(contentHash(reportName, reportId));
    }

    static byte[] contentHash(String reportName, String reportId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((reportName + "\n" + reportId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Long> find(String reportName, String reportId) {
        return session.select(REPORT_RECORD.ID).from(REPORT_RECORD)
                .where(REPORT_RECORD.REPORT_NAME.eq(reportName)).and(REPORT_RECORD.REPORT_ID.eq(reportId))
                .fetchOptional(REPORT_RECORD.ID);
    }

    private long record(String reportName, String reportId, String parameters) {
        session.insertInto(REPORT_RECORD, REPORT_RECORD.REPORT_NAME, REPORT_RECORD.REPORT_ID, REPORT_RECORD.PARAMETERS)
                .values(reportName, reportId, parameters)
                .onConflict(REPORT_RECORD.REPORT_NAME, REPORT_RECORD.REPORT_ID).doNothing()
                .execute();
        return find(reportName, reportId).orElseThrow();
    }
}
