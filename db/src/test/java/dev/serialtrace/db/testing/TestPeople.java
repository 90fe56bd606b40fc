package dev.serialtrace.db.testing;

import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.access.Users;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * People for tests: a real login role with a password and group roles (roles are cluster-wide,
 * so each gets a unique login), and a data source connected as that person.
 */
public final class TestPeople {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestPeople() {
    }

    public record TestPerson(String login, String printedName, String password, DataSource dataSource) {
        public char[] passwordChars() {
            return password.toCharArray();
        }
    }

    /** Adds a person to the database behind {@code owner} (a data source of the schema owner). */
    public static TestPerson add(DataSource owner, String name, GroupRole... roles) {
        String login = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "_" + COUNTER.incrementAndGet()
                + "_" + ProcessHandle.current().pid();
        String printed = name + " Tester";
        String password = "pw-" + login;
        new Users(DSL.using(owner, SQLDialect.POSTGRES)).add(login, printed, password.toCharArray(), List.of(roles));
        return new TestPerson(login, printed, password, as(owner, login, password));
    }

    /** The same database as {@code owner}, connected as another role. */
    public static DataSource as(DataSource owner, String login, String password) {
        PGSimpleDataSource base = (PGSimpleDataSource) owner;
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(base.getURL());
        ds.setUser(login);
        ds.setPassword(password);
        return ds;
    }
}
