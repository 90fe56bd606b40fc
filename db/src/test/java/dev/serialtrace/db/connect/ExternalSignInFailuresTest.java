package dev.serialtrace.db.connect;

import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.access.Users;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.testing.TestPeople;
import dev.serialtrace.db.testing.TestPeople.TestPerson;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A person connecting straight to an external server (a desktop profile with a URL, or the CLI):
 * wrong passwords are counted through the sign-in recorder once an admin enables it, and the fifth
 * locks the account, as on the embedded database; before that, the person is told they are not.
 */
class ExternalSignInFailuresTest {
    @TempDir Path home;
    private PGSimpleDataSource owner;
    private DSLContext asOwner;
    private TestPerson ann;
    private TestPerson admin;

    @BeforeEach
    void externalServerWithAPerson() {
        owner = (PGSimpleDataSource) TestDatabase.fresh();
        asOwner = DSL.using(owner, SQLDialect.POSTGRES);
        ann = TestPeople.add(owner, "ann", GroupRole.SUPERVISOR);
        admin = TestPeople.add(owner, "adam", GroupRole.ADMIN);
    }

    @AfterEach
    void recorderOffAgain() {
        // the recorder is a role of the whole (shared test) server
        new Users(DSL.using(admin.dataSource(), SQLDialect.POSTGRES)).signInRecorder(false, null);
    }

    private DatabaseException wrongPassword() {
        return (DatabaseException) org.assertj.core.api.Assertions.catchThrowable(() ->
                Database.open(new ConnectionSettings(owner.getURL(), ann.login(), "not-the-password"), new DataHome(home), m -> { }));
    }

    private int failures() {
        return asOwner.fetchOne("select failed_sign_ins from person where login = ?", ann.login()).get(0, Integer.class);
    }

    @Test
    void wrongPasswordsAreCountedAndTheFifthLocksOnceTheAdminEnablesTheRecorder() {
        DatabaseException uncounted = wrongPassword();
        assertThat(uncounted.getMessage()).contains("refused the password").doesNotContain("attempts left");
        assertThat(uncounted.hint()).contains("does not count failed sign-ins", "serialtrace users sign-in-recorder on");
        assertThat(failures()).isZero();

        assertThatThrownBy(() -> new Users(DSL.using(ann.dataSource(), SQLDialect.POSTGRES)).signInRecorder(true, null))
                .hasMessageContaining("permission denied");   // a supervisor cannot turn it on
        new Users(DSL.using(admin.dataSource(), SQLDialect.POSTGRES)).signInRecorder(true, null);

        for (int left = 4; left >= 1; left--) {
            assertThat(wrongPassword().getMessage()).endsWith(left + (left == 1 ? " attempt" : " attempts") + " left before the account is locked.");
        }
        assertThat(wrongPassword().getMessage()).endsWith("The account is now locked for a while.");
        assertThat(failures()).isEqualTo(5);

        assertThatThrownBy(() -> Database.open(new ConnectionSettings(owner.getURL(), ann.login(), ann.password()),
                new DataHome(home), m -> { })).isInstanceOf(DatabaseException.class).hasMessageContaining("locked");

        new Users(DSL.using(admin.dataSource(), SQLDialect.POSTGRES)).unlock(ann.login());
        try (Database db = Database.open(new ConnectionSettings(owner.getURL(), ann.login(), ann.password()), new DataHome(home), m -> { })) {
            assertThat(db.sessionUser()).isEqualTo(ann.login());
        }
        assertThat(failures()).isZero();
        assertThat(asOwner.fetchOne("select count(*) from audit_trail where record_id = 'serialtrace_sign_in_recorder' and changed_by = ?",
                admin.login()).get(0, Long.class)).isEqualTo(1);
    }

    @Test
    void theRecorderCanCountButCannotReadAnything() {
        new Users(DSL.using(admin.dataSource(), SQLDialect.POSTGRES)).signInRecorder(true, null);
        DSLContext recorder = DSL.using(TestPeople.as(owner, Database.SIGN_IN_RECORDER, Database.SIGN_IN_RECORDER_PASSWORD), SQLDialect.POSTGRES);
        for (String read : new String[] {"select * from unit", "select * from custody_event", "select * from person",
                "insert into custody_chain values (1, 1, 1, now(), '')", "select anchor_custody_chain()"}) {
            assertThatThrownBy(() -> recorder.execute(read)).as(read).hasMessageContaining("permission denied");
        }
        assertThat(recorder.fetchOne("select record_failed_sign_in(?)", ann.login()).get(0, Integer.class)).isEqualTo(4);
    }
}
