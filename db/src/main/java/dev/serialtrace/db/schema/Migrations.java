package dev.serialtrace.db.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.Optional;

/** The warehouse schema's Flyway migrations, bundled under {@code db/migration}. */
public final class Migrations {

    private final Flyway flyway;

    public Migrations(DataSource dataSource) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load();
    }

    /** Applies pending migrations; returns how many ran. */
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    /** The newest applied version, empty on an empty database. */
    public Optional<String> currentVersion() {
        MigrationInfo current = flyway.info().current();
        return Optional.ofNullable(current).map(i -> i.getVersion().getVersion());
    }

    /** The newest version this build knows. */
    public String latestKnownVersion() {
        return Arrays.stream(flyway.info().all())
                .filter(i -> i.getVersion() != null && i.getState() != MigrationState.FUTURE_SUCCESS
                        && i.getState() != MigrationState.FUTURE_FAILED)
                .map(i -> i.getVersion())
                .max(Comparable::compareTo)
                .map(v -> v.getVersion())
                .orElse("0");
    }

    /** Applied versions this build does not know: the database was written by a newer Serialtrace. */
    public Optional<String> newerThanApp() {
        return Arrays.stream(flyway.info().all())
                .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS || i.getState() == MigrationState.FUTURE_FAILED)
                .map(i -> i.getVersion().getVersion())
                .reduce((a, b) -> b);
    }
}
