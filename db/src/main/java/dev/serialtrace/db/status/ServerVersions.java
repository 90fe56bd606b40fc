package dev.serialtrace.db.status;

import dev.serialtrace.db.connect.Database;
import org.jooq.impl.DSL;

/** The database server's version and the schema version applied to it (two cheap queries, any size). */
public record ServerVersions(String server, String schema) {

    public static ServerVersions of(Database database) {
        String server = database.dsl()
                .select(DSL.function("current_setting", String.class, DSL.inline("server_version")))
                .fetchOne(0, String.class);
        return new ServerVersions(server, database.migrations().currentVersion().orElse("none"));
    }
}
