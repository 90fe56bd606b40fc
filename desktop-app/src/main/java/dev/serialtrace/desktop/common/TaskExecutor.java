package dev.serialtrace.desktop.common;

/** Runs {@link BackgroundTask}s off the FX thread; tests use {@link CurrentThreadTaskExecutor}. */
public interface TaskExecutor {
    <T> Cancellable execute(BackgroundTask<T> task);

    /** Lets the person stop a long load. */
    interface Cancellable {
        void cancel();
    }
}
