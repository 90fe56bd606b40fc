package dev.serialtrace.desktop.about;

import dev.serialtrace.db.status.ServerVersions;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The About dialog: the app's build, the Java it runs on, and — asked in the background — the
 * connected database server's version and its schema version.
 */
public final class AboutViewModel {
    private final AppInfo app;
    private final Callable<Optional<ServerVersions>> versions;
    private final TaskExecutor tasks;
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty schema = new SimpleStringProperty("");

    /** @param versions the open database's versions; empty when no database is open */
    public AboutViewModel(AppInfo app, Callable<Optional<ServerVersions>> versions, TaskExecutor tasks) {
        this.app = app;
        this.versions = versions;
        this.tasks = tasks;
    }

    /** Asks the database (never on the FX thread). */
    public void load() {
        server.set("asking the database …");
        schema.set("");
        tasks.execute(BackgroundTask.of(p -> versions.call())
                .onSuccess(v -> {
                    server.set(v.map(s -> "PostgreSQL " + s.server()).orElse("not connected"));
                    schema.set(v.map(ServerVersions::schema).orElse("not connected"));
                })
                .onFailure(Exception.class, e -> {
                    server.set("unavailable: " + e.getMessage());
                    schema.set("unavailable");
                }));
    }

    public String title() {
        return "Serialtrace " + app.version();
    }

    public String version() {
        return app.version();
    }

    public String vendor() {
        return app.vendor();
    }

    public String licence() {
        return app.licence();
    }

    public String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    public String javafx() {
        return System.getProperty("javafx.runtime.version", "not started");
    }

    public String dataFolder() {
        return app.dataFolder().toString();
    }

    public String logFolder() {
        return app.logFolder().toString();
    }

    public ReadOnlyStringProperty serverProperty() {
        return server;
    }

    public ReadOnlyStringProperty schemaProperty() {
        return schema;
    }
}
