package dev.serialtrace.desktop.common;

import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs tasks on a small pool of daemon threads; callbacks come back on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "background-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final IntegerProperty running = new SimpleIntegerProperty();
    private final StringProperty latestMessage = new SimpleStringProperty("");

    /** Call on the FX thread. */
    @Override
    public <T> Cancellable execute(BackgroundTask<T> task) {
        Task<T> fxTask = new Task<>() {
            @Override
            protected T call() throws Exception {
                return task.run((message, fraction) -> Platform.runLater(() -> {
                    latestMessage.set(message);
                    task.reportProgress(message, fraction);
                }));
            }
        };
        fxTask.setOnSucceeded(e -> {
            finished();
            task.succeed(fxTask.getValue());
        });
        fxTask.setOnFailed(e -> {
            finished();
            LOG.warn("background task failed", fxTask.getException());
            task.fail(fxTask.getException());
        });
        fxTask.setOnCancelled(e -> finished());
        if (pool.isShutdown()) {
            // the window is closing: a follow-up of a task that just ended (a refresh after a save)
            // has nowhere to show its result; nothing is half-done by not starting it
            LOG.debug("not started, the window is closing: {}", task);
            return () -> { };
        }
        running.set(running.get() + 1);
        pool.execute(fxTask);
        return () -> fxTask.cancel(true);
    }

    private void finished() {
        running.set(running.get() - 1);
        if (running.get() == 0) {
            latestMessage.set("");
        }
    }

    /** How many tasks run now (for the status bar). */
    public ReadOnlyIntegerProperty runningProperty() {
        return running;
    }

    /** The latest progress message of any running task. */
    public ReadOnlyStringProperty latestMessageProperty() {
        return latestMessage;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
