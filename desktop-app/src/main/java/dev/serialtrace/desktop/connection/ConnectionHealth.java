package dev.serialtrace.desktop.connection;

/** What the status bar says about the database connection. */
public enum ConnectionHealth {
    CONNECTING("Connecting…"),
    CONNECTED("Connected"),
    LOST("Connection lost — reconnecting…"),
    FAILED("Not connected");

    private final String label;

    ConnectionHealth(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
