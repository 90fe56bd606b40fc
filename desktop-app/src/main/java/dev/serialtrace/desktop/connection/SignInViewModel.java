package dev.serialtrace.desktop.connection;

import dev.serialtrace.db.connect.ConnectionProfile;
import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.demo.DemoPeople;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/**
 * Choosing where to connect: a saved profile or a new one (name, URL, user), and the password,
 * asked here and kept only if the person wants it and an OS keystore exists.
 */
public final class SignInViewModel {
    /** What the person asked for. */
    public record Request(ConnectionProfile profile, String password, boolean remember) {
    }

    private final PasswordVault vault;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");

    public SignInViewModel(List<ConnectionProfile> saved, ConnectionProfile current, PasswordVault vault) {
        this.vault = vault;
        profiles.setAll(saved);
        selected.addListener((o, a, p) -> fill(p));
        selected.set(current);
    }

    /** The demo people to choose from (README), shown beside the user field for the demo. */
    public String demoPeopleHint() {
        return DemoPeople.ALL.stream().map(d -> d.login() + " (" + d.role().shortName() + ")")
                .collect(java.util.stream.Collectors.joining(", ")) + " — password: <user>-demo";
    }

    private void fill(ConnectionProfile p) {
        if (p == null) {
            return;
        }
        name.set(p.name());
        url.set(p.url() == null ? "" : p.url());
        user.set(p.user() == null ? "" : p.user());
        password.set(vault.password(p).orElse(""));
        remember.set(vault.password(p).isPresent());
        if (p.isEmbedded()) {   // the demo: pre-filled with the documented demo person (README)
            ConnectionSettings demo = p.settings(null);
            user.set(demo.user());
            password.set(demo.password());
        }
        error.set("");
    }

    /** The request, or empty with {@link #errorProperty()} saying what to fix. */
    public Optional<Request> request() {
        try {
            ConnectionProfile p = new ConnectionProfile(name.get(), url.get(), user.get());
            DemoPeople.DemoPerson demo = p.isEmbedded() ? DemoPeople.byLogin(p.user()) : null;
            if (p.isEmbedded() && password.get().isEmpty() && demo == null) {
                error.set("Enter the password of " + p.user() + ".");
                return Optional.empty();
            }
            if (!p.isEmbedded() && p.user() == null) {
                error.set("Enter your database user name.");
                return Optional.empty();
            }
            error.set("");
            return Optional.of(new Request(p, password.get().isEmpty() ? null : password.get(),
                    remember.get() && vault.available()));
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    public boolean keystoreAvailable() {
        return vault.available();
    }

    public ObservableList<ConnectionProfile> profiles() { return profiles; }
    public ObjectProperty<ConnectionProfile> selectedProperty() { return selected; }
    public StringProperty nameProperty() { return name; }
    public StringProperty urlProperty() { return url; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty rememberProperty() { return remember; }
    public StringProperty errorProperty() { return error; }
}
