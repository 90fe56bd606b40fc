package dev.serialtrace.db.connect;

import dev.serialtrace.db.demo.DemoPeople;

import java.util.Objects;

/** A named place to connect: a URL and user (no URL: the embedded demo database). Never a password. */
public record ConnectionProfile(String name, String url, String user) {
    public static final ConnectionProfile DEMO = new ConnectionProfile("Demo warehouse (embedded)", null, null);

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        url = url == null || url.isBlank() ? null : url.strip();
        user = user == null || user.isBlank() ? null : user.strip();
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the URL must start with jdbc:postgresql:// (e.g. jdbc:postgresql://host:5432/warehouse)");
        }
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /**
     * Where to connect. The embedded demo is used as a demo person (the default one unless a user
     * is given; their documented password unless one is given), never as its owner.
     */
    public ConnectionSettings settings(String password) {
        if (isEmbedded()) {
            DemoPeople.DemoPerson person = DemoPeople.byLogin(user);
            String login = user != null ? user : DemoPeople.DEFAULT.login();
            String pw = password != null ? password
                    : person != null ? person.password() : user == null ? DemoPeople.DEFAULT.password() : null;
            return new ConnectionSettings(null, login, pw);
        }
        return new ConnectionSettings(url, user, password);
    }

    @Override
    public String toString() {
        return name;
    }
}
