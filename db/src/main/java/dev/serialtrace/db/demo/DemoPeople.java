package dev.serialtrace.db.demo;

import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.access.Users;
import dev.serialtrace.db.jooq.Routines;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.PERSON;
import static dev.serialtrace.db.jooq.Tables.SITE;

/**
 * The demo database's people: one per role (and a second supervisor limited to one site), with
 * passwords documented in the README. Only ever created in the embedded demo database.
 */
public final class DemoPeople {
    public record DemoPerson(String login, String printedName, String password, GroupRole role, boolean allSites) {
    }

    /** The person the app signs in as on the demo database unless another is chosen. */
    public static final DemoPerson DEFAULT = new DemoPerson("sam", "Sam Supervisor", "sam-demo", GroupRole.SUPERVISOR, true);

    public static final List<DemoPerson> ALL = List.of(
            new DemoPerson("vic", "Vic Viewer", "vic-demo", GroupRole.VIEWER, true),
            new DemoPerson("quinn", "Quinn Quality", "quinn-demo", GroupRole.QUALITY, true),
            DEFAULT,
            new DemoPerson("sid", "Sid Sitelead", "sid-demo", GroupRole.SUPERVISOR, false),   // first site only
            new DemoPerson("cora", "Cora Compliance", "cora-demo", GroupRole.COMPLIANCE, true),
            new DemoPerson("ada", "Ada Admin", "ada-demo", GroupRole.ADMIN, true));

    private DemoPeople() {
    }

    /** Adds whoever is missing (the owner's data source); cheap when all are there. */
    public static void ensure(DataSource owner) {
        DSLContext dsl = DSL.using(owner, SQLDialect.POSTGRES);
        List<String> present = dsl.select(PERSON.LOGIN).from(PERSON).fetch(PERSON.LOGIN);
        Users users = new Users(dsl);
        for (DemoPerson p : ALL) {
            if (present.contains(p.login())) {
                continue;
            }
            boolean roleExists = dsl.fetchExists(DSL.selectOne().from(DSL.table("pg_roles"))
                    .where(DSL.field("rolname").eq(p.login())));
            if (roleExists) {
                continue;   // another database of this cluster has them; roles are cluster-wide
            }
            users.add(p.login(), p.printedName(), p.password().toCharArray(), List.of(p.role()));
        }
        // a site-bound person gets the first site once there is one (the demo warehouse may come later)
        for (DemoPerson p : ALL) {
            if (!p.allSites() && dsl.fetchExists(PERSON, PERSON.LOGIN.eq(p.login()).and(PERSON.ALL_SITES.isTrue()))) {
                Long[] first = dsl.select(SITE.ID).from(SITE).orderBy(SITE.ID).limit(1).fetchArray(SITE.ID);
                if (first.length > 0) {
                    Routines.setPersonSites(dsl.configuration(), p.login(), false, first);
                }
            }
        }
    }

    public static DemoPerson byLogin(String login) {
        return ALL.stream().filter(p -> p.login().equals(login)).findFirst().orElse(null);
    }
}
