package dev.serialtrace.desktop.about;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.schema.Migrations;
import dev.serialtrace.db.status.ServerVersions;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The About view model alone, on a real database, with no JavaFX toolkit running. */
class AboutViewModelTest {
    @TempDir Path home;

    private AppInfo app() {
        return new AppInfo("1.2.3", "ACME", "Proprietary", home, home.resolve("logs"));
    }

    @Test
    void showsTheServerAndSchemaVersionOfTheOpenDatabase() {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        try (Database db = Database.open(new ConnectionSettings(ds.getURL(), "postgres", null), new DataHome(home), m -> { })) {
            AboutViewModel vm = new AboutViewModel(app(), () -> Optional.of(ServerVersions.of(db)), new CurrentThreadTaskExecutor());

            vm.load();

            assertThat(vm.serverProperty().get()).startsWith("PostgreSQL 17.");
            assertThat(vm.schemaProperty().get()).isEqualTo(new Migrations(ds).latestKnownVersion());
            assertThat(vm.title()).isEqualTo("Serialtrace 1.2.3");
            assertThat(vm.java()).startsWith(System.getProperty("java.version"));
            assertThat(vm.logFolder()).isEqualTo(home.resolve("logs").toString());
        }
    }

    @Test
    void saysSoWhenNoDatabaseIsOpen() {
        AboutViewModel vm = new AboutViewModel(app(), Optional::empty, new CurrentThreadTaskExecutor());

        vm.load();

        assertThat(vm.serverProperty().get()).isEqualTo("not connected");
        assertThat(vm.schemaProperty().get()).isEqualTo("not connected");
    }

    @Test
    void aFailingDatabaseIsReportedNotThrown() {
        AboutViewModel vm = new AboutViewModel(app(), () -> {
            throw new IllegalStateException("connection refused");
        }, new CurrentThreadTaskExecutor());

        vm.load();

        assertThat(vm.serverProperty().get()).isEqualTo("unavailable: connection refused");
        assertThat(vm.schemaProperty().get()).isEqualTo("unavailable");
    }

    @Test
    void outsideAJarTheVersionSaysDevelopmentBuild() {
        // test classes run from a folder, not from the packaged jar
        assertThat(AppInfo.of(AboutViewModelTest.class, new DataHome(home)).version()).isEqualTo(AppInfo.DEVELOPMENT);
    }
}
