package dev.serialtrace.desktop.connection;

import javafx.application.Platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Asks the database every few seconds whether it still answers (off the FX thread). The pool
 * reconnects by itself once the server is back; this only tells the person, and tells the
 * screens when to retry. Nothing on screen is dropped while the connection is lost.
 */
public final class ConnectionHealthMonitor implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "connection-health");
        t.setDaemon(true);
        return t;
    });
    private volatile Boolean lastAlive;

    /** {@code onChange} runs on the FX thread with the new health. */
    public void start(BooleanSupplier alive, long periodMillis, Consumer<ConnectionHealth> onChange) {
        if (timer.isShutdown()) {
            return;   // the window closed while connecting
        }
        timer.scheduleWithFixedDelay(() -> {
            boolean now = alive.getAsBoolean();
            if (lastAlive == null || lastAlive != now) {
                lastAlive = now;
                Platform.runLater(() -> onChange.accept(now ? ConnectionHealth.CONNECTED : ConnectionHealth.LOST));
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
