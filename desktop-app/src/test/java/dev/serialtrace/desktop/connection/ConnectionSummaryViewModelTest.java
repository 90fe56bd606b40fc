package dev.serialtrace.desktop.connection;

import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.desktop.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The view model alone, on a real database, with no JavaFX toolkit running. */
class ConnectionSummaryViewModelTest {
    @TempDir Path home;
    private final AtomicReference<WarehouseConnector.Connection> connected = new AtomicReference<>();

    @AfterEach
    void close() {
        if (connected.get() != null) {
            connected.get().database().close();
        }
    }

    private ConnectionSummaryViewModel viewModel() {
        WarehouseConnector connector = new WarehouseConnector(new DataHome(home), Clock.systemUTC());
        return new ConnectionSummaryViewModel(connector, new CurrentThreadTaskExecutor(), connected::set, ZoneId.of("UTC"));
    }

    @Test
    void showsWhatAnExternalDatabaseHoldsWithoutSeedingIt() {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestDatabase.fresh();
        ConnectionSummaryViewModel vm = viewModel();

        vm.connect(new ConnectionSettings(ds.getURL(), "postgres", null), () -> { });

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.databaseProperty().get()).isEqualTo(ds.getURL());
        String latest = new dev.serialtrace.db.schema.Migrations(ds).latestKnownVersion();
        assertThat(vm.serverProperty().get()).startsWith("PostgreSQL 17.").contains("schema v" + latest);
        assertThat(vm.unitsProperty().get()).isEqualTo("0");
        assertThat(vm.newestEventProperty().get()).isEqualTo("none yet");
        assertThat(connected.get()).isNotNull();
    }

    @Test
    void aFailedConnectionShowsWhatHappenedAndWhatToDo() {
        ConnectionSummaryViewModel vm = viewModel();
        int[] retries = {0};

        vm.connect(new ConnectionSettings("jdbc:postgresql://localhost:1/none", "u", null), () -> retries[0]++);

        assertThat(vm.errorProperty().get()).startsWith("Cannot reach PostgreSQL");
        assertThat(vm.errorHintProperty().get()).contains("server is running");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isNull();
        assertThat(connected.get()).isNull();
        vm.retry();
        assertThat(retries[0]).isEqualTo(1);
    }
}
