package dev.serialtrace.desktop.shell;

import dev.serialtrace.db.connect.Database;
import dev.serialtrace.desktop.connection.ConnectionHealth;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The window around the screens: which section is shown, and the status bar. */
public final class ShellViewModel {
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.SEARCH);
    private final ObjectProperty<ConnectionHealth> health = new SimpleObjectProperty<>(ConnectionHealth.CONNECTING);
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private Runnable onSwitchConnection = () -> { };
    private Runnable onAbout = () -> { };

    public void setOnSwitchConnection(Runnable action) {
        this.onSwitchConnection = action;
    }

    public void setOnAbout(Runnable action) {
        this.onAbout = action;
    }

    /** "About" in the status bar. */
    public void about() {
        onAbout.run();
    }

    /** "Switch…" in the status bar. */
    public void switchConnection() {
        onSwitchConnection.run();
    }

    public void connected(Database db) {
        database.set(db.isEmbedded() ? "Embedded demo database" : db.settings().url());
        user.set(db.settings().user() == null ? "" : db.settings().user());
        health.set(ConnectionHealth.CONNECTED);
    }

    public void connectionFailed() {
        health.set(ConnectionHealth.FAILED);
    }

    public void healthChanged(ConnectionHealth h) {
        health.set(h);
    }

    public ObjectProperty<Section> sectionProperty() { return section; }
    public ObjectProperty<ConnectionHealth> healthProperty() { return health; }
    public ReadOnlyStringProperty databaseProperty() { return database; }
    public ReadOnlyStringProperty userProperty() { return user; }
}
