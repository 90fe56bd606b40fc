package dev.serialtrace.db.signature;

import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.testing.TestPeople;
import dev.serialtrace.db.testing.TestPeople.TestPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElectronicSignaturesTest {
    private DataSource owner;
    private ElectronicSignatures signatures;
    private TestPerson ann;
    private TestPerson bob;

    @BeforeEach
    void setUp() {
        owner = TestDatabase.fresh();
        signatures = new ElectronicSignatures(owner);
        ann = TestPeople.add(owner, "Ann", GroupRole.SUPERVISOR);
        bob = TestPeople.add(owner, "Bob", GroupRole.COMPLIANCE);
    }

    @Test
    void theDatabaseRecordsTheSignerTheirPrintedNameMeaningTimeAndContent() {
        byte[] hash = sha256("audit A-1: 10 expected, 9 found");
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);

        Signature s = signatures.sign(new SignatureRequest("spot_audit", 7, hash, SignatureMeaning.APPROVED,
                ann.login(), ann.passwordChars()));

        assertThat(s.signer()).isEqualTo(ann.login());
        assertThat(s.printedName()).isEqualTo("Ann Tester");
        assertThat(s.meaning()).isEqualTo(SignatureMeaning.APPROVED);
        assertThat(s.signedAt()).isAfter(before);
        assertThat(s.bindsTo(hash)).isTrue();
        assertThat(signatures.forSubject("spot_audit", 7)).singleElement()
                .satisfies(read -> {
                    assertThat(read.id()).isEqualTo(s.id());
                    assertThat(read.signer()).isEqualTo(ann.login());
                    assertThat(read.bindsTo(hash)).isTrue();
                });
        assertThat(signatures.forSubject("spot_audit", 8)).isEmpty();
    }

    @Test
    void aLaterChangeOfTheContentNoLongerBindsTheSignature() {
        Signature s = signatures.sign(new SignatureRequest("report", 1, sha256("version 1"), SignatureMeaning.REVIEWED,
                bob.login(), bob.passwordChars()));
        assertThat(s.bindsTo(sha256("version 2"))).isFalse();
        assertThat(s.bindsTo(null)).isFalse();
    }

    @Test
    void aWrongPasswordIsRefusedCountedAndNothingIsRecorded() throws SQLException {
        assertThatThrownBy(() -> signatures.sign(new SignatureRequest("spot_audit", 7, sha256("x"),
                SignatureMeaning.APPROVED, ann.login(), "not-it".toCharArray())))
                .isInstanceOf(SignatureRefusedException.class)
                .hasMessageContaining("Wrong user ID or password")
                .hasMessageContaining("4 attempts left")
                .extracting(e -> ((SignatureRefusedException) e).reason())
                .isEqualTo(SignatureRefusedException.Reason.WRONG_CREDENTIALS);
        assertThat(signatures.forSubject("spot_audit", 7)).isEmpty();
        assertThat(queryInt(owner, "select failed_sign_ins from person where login = '" + ann.login() + "'")).isEqualTo(1);
    }

    @Test
    void nobodyCanSignForSomeoneElse() throws SQLException {
        // Ann's own password does not sign as Bob
        assertThatThrownBy(() -> signatures.sign(new SignatureRequest("spot_audit", 7, sha256("x"),
                SignatureMeaning.APPROVED, bob.login(), ann.passwordChars())))
                .isInstanceOf(SignatureRefusedException.class)
                .extracting(e -> ((SignatureRefusedException) e).reason())
                .isEqualTo(SignatureRefusedException.Reason.WRONG_CREDENTIALS);
        // and connected as Ann, writing Bob's name into the row is refused by the database
        assertThatThrownBy(() -> execute(ann.dataSource(), "insert into signature (subject_type, subject_id, signer, "
                + "printed_name, meaning, content_hash) values ('spot_audit', 7, '" + bob.login()
                + "', 'Bob Tester', 'approved', sha256('x'))"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
        // a direct insert without a signer is stamped with Ann, whatever printed name she sends
        execute(ann.dataSource(), "insert into signature (subject_type, subject_id, meaning, content_hash) "
                + "values ('spot_audit', 9, 'performed', sha256('x'))");
        assertThat(signatures.forSubject("spot_audit", 9)).singleElement()
                .satisfies(s -> {
                    assertThat(s.signer()).isEqualTo(ann.login());
                    assertThat(s.printedName()).isEqualTo("Ann Tester");
                });
        assertThat(signatures.forSubject("spot_audit", 7)).isEmpty();
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPasswordUntilUnlocked() throws SQLException {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signatures.sign(request(ann, "wrong")))
                    .extracting(e -> ((SignatureRefusedException) e).reason())
                    .isEqualTo(SignatureRefusedException.Reason.WRONG_CREDENTIALS);
        }
        assertThatThrownBy(() -> signatures.sign(request(ann, "wrong")))
                .hasMessageContaining("now locked")
                .extracting(e -> ((SignatureRefusedException) e).reason())
                .isEqualTo(SignatureRefusedException.Reason.LOCKED);
        assertThatThrownBy(() -> signatures.sign(request(ann, ann.password())))
                .hasMessageContaining("locked")
                .extracting(e -> ((SignatureRefusedException) e).reason())
                .isEqualTo(SignatureRefusedException.Reason.LOCKED);
        // the lock holds at the server too, not only in this service: signing in as Ann is refused
        assertThatThrownBy(() -> ann.dataSource().getConnection().close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("locked");

        execute(owner, "select unlock_person('" + ann.login() + "')");
        assertThat(signatures.sign(request(ann, ann.password())).signer()).isEqualTo(ann.login());
    }

    @Test
    void aViewerMayNotSign() {
        TestPerson vera = TestPeople.add(owner, "Vera", GroupRole.VIEWER);
        assertThatThrownBy(() -> signatures.sign(request(vera, vera.password())))
                .isInstanceOf(SignatureRefusedException.class)
                .hasMessageContaining("may not sign")
                .extracting(e -> ((SignatureRefusedException) e).reason())
                .isEqualTo(SignatureRefusedException.Reason.NOT_PERMITTED);
    }

    @Test
    void aSignatureCanNeverBeChangedOrDeletedNotEvenByTheOwner() {
        Signature s = signatures.sign(request(ann, ann.password()));
        assertThatThrownBy(() -> execute(ann.dataSource(), "update signature set meaning = 'reviewed' where id = " + s.id()))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute(owner, "update signature set content_hash = sha256('other') where id = " + s.id()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute(owner, "delete from signature where id = " + s.id()))
                .hasMessageContaining("append-only");
        assertThat(signatures.forSubject("spot_audit", 7)).singleElement().satisfies(read -> assertThat(read.bindsTo(s.contentHash())).isTrue());
    }

    @Test
    void anIncompleteRequestIsRefusedBeforeAnythingHappens() {
        assertThatThrownBy(() -> signatures.sign(new SignatureRequest("spot_audit", 7, new byte[3],
                SignatureMeaning.APPROVED, ann.login(), ann.passwordChars())))
                .extracting(e -> ((SignatureRefusedException) e).reason())
                .isEqualTo(SignatureRefusedException.Reason.INVALID_REQUEST);
        assertThatThrownBy(() -> signatures.sign(new SignatureRequest("spot_audit", 7, sha256("x"),
                SignatureMeaning.APPROVED, ann.login(), new char[0])))
                .hasMessageContaining("Enter your user ID and password");
    }

    private static SignatureRequest request(TestPerson who, String password) {
        return new SignatureRequest("spot_audit", 7, sha256("audit 7"), SignatureMeaning.PERFORMED, who.login(),
                password.toCharArray());
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int queryInt(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
