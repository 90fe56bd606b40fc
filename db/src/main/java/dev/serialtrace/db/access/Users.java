package dev.serialtrace.db.access;

import dev.serialtrace.db.jooq.Routines;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.postgresql.util.PasswordUtil;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.serialtrace.db.jooq.Tables.PERSON_ROLE;

/**
 * People and their roles, managed by an admin through the database's own functions
 * ({@code create_person}, {@code grant_person_role} …, which only admins may execute). The
 * password never leaves this process in clear: the SCRAM verifier is computed here.
 */
public final class Users {
    private final DSLContext dsl;

    public Users(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void add(String login, String printedName, char[] password, Collection<GroupRole> roles) {
        if (password == null || password.length < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        String verifier = PasswordUtil.encodeScramSha256(password);
        String[] names = roles.stream().map(GroupRole::shortName).toArray(String[]::new);
        Routines.createPerson(dsl.configuration(), login, printedName, verifier, names);
    }

    public void grant(String login, GroupRole role) {
        Routines.grantPersonRole(dsl.configuration(), login, role.shortName());
    }

    public void revoke(String login, GroupRole role) {
        Routines.revokePersonRole(dsl.configuration(), login, role.shortName());
    }

    public void unlock(String login) {
        Routines.unlockPerson(dsl.configuration(), login);
    }

    /**
     * Lets clients on this server count failed sign-ins (V71) with the recorder's password (null:
     * the well-known default), or stops it ({@code enabled} false).
     */
    public void signInRecorder(boolean enabled, char[] password) {
        String verifier = null;
        if (enabled) {
            char[] pw = password != null ? password : dev.serialtrace.db.connect.Database.SIGN_IN_RECORDER_PASSWORD.toCharArray();
            verifier = PasswordUtil.encodeScramSha256(pw);
        }
        Routines.enableSignInRecorder(dsl.configuration(), verifier);
    }

    public List<Person> list() {
        return dsl.selectFrom(PERSON_ROLE).orderBy(PERSON_ROLE.LOGIN).fetch(Users::toPerson);
    }

    public Optional<Person> find(String login) {
        return dsl.selectFrom(PERSON_ROLE).where(PERSON_ROLE.LOGIN.eq(login)).fetchOptional(Users::toPerson);
    }

    private static Person toPerson(Record r) {
        Set<GroupRole> roles = EnumSet.noneOf(GroupRole.class);
        Arrays.stream(r.get(PERSON_ROLE.ROLES)).map(GroupRole::parse).forEach(roles::add);
        return new Person(r.get(PERSON_ROLE.LOGIN), r.get(PERSON_ROLE.PRINTED_NAME), roles,
                r.get(PERSON_ROLE.FAILED_SIGN_INS), r.get(PERSON_ROLE.LOCKED_UNTIL), r.get(PERSON_ROLE.CREATED_AT),
                r.get(PERSON_ROLE.CREATED_BY));
    }
}
