package dev.serialtrace.desktop.common;

import javafx.application.Platform;
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

    @Override
    public <T> Cancellable execute(BackgroundTask<T> task) {
        Task<T> fxTask = new Task<>() {
            @Override
            protected T call() throws Exception {
                return task.run((message, fraction) -> Platform.runLater(() -> task.reportProgress(message, fraction)));
            }
        };
        fxTask.setOnSucceeded(e -> task.succeed(fxTask.getValue()));
        fxTask.setOnFailed(e -> {
            LOG.warn("background task failed", fxTask.getException());
            task.fail(fxTask.getException());
        });
        pool.execute(fxTask);
        return () -> fxTask.cancel(true);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
