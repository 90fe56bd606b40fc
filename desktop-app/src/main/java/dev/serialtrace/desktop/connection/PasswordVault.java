package dev.serialtrace.desktop.connection;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.serialtrace.db.connect.ConnectionProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Keeps database passwords in the operating system's keystore (Keychain, Credential Manager,
 * Secret Service) — or nowhere, when there is none. Never in a file of ours.
 */
public final class PasswordVault {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordVault.class);
    private static final String SERVICE = "Serialtrace";
    private final Keyring keyring;

    private PasswordVault(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The OS keystore if one answers, else a vault that keeps nothing. */
    public static PasswordVault open() {
        try {
            Keyring k = Keyring.create();
            k.getPassword(SERVICE, "probe");   // fails fast where no backend really runs (e.g. no D-Bus session)
            return new PasswordVault(k);
        } catch (PasswordAccessException e) {
            return new PasswordVault(keyringOrNull());
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            LOG.info("no OS keystore available ({}); passwords will be asked at each sign-in", e.toString());
            return new PasswordVault(null);
        }
    }

    private static Keyring keyringOrNull() {
        try {
            return Keyring.create();
        } catch (BackendNotSupportedException e) {
            return null;
        }
    }

    /** A vault that never keeps anything. */
    public static PasswordVault none() {
        return new PasswordVault(null);
    }

    public boolean available() {
        return keyring != null;
    }

    public Optional<String> password(ConnectionProfile profile) {
        if (keyring == null || profile.isEmbedded()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account(profile)));
        } catch (PasswordAccessException e) {
            return Optional.empty();
        }
    }

    public void keep(ConnectionProfile profile, String password) {
        if (keyring == null || profile.isEmbedded()) {
            return;
        }
        try {
            keyring.setPassword(SERVICE, account(profile), password);
        } catch (PasswordAccessException e) {
            LOG.warn("could not keep the password in the OS keystore: {}", e.getMessage());
        }
    }

    public void forget(ConnectionProfile profile) {
        if (keyring != null && !profile.isEmbedded()) {
            try {
                keyring.deletePassword(SERVICE, account(profile));
            } catch (PasswordAccessException e) {
                LOG.debug("nothing to forget for {}", profile.name());
            }
        }
    }

    private static String account(ConnectionProfile p) {
        return p.user() + "@" + p.url();
    }
}
