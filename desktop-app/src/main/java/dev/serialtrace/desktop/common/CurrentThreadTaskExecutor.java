package dev.serialtrace.desktop.common;

/** Runs tasks at once on the calling thread: view-model tests need no toolkit and no waiting. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> Cancellable execute(BackgroundTask<T> task) {
        T result;
        try {
            result = task.run(task::reportProgress);
        } catch (Exception e) {
            task.fail(e);
            return () -> { };
        }
        task.succeed(result);
        return () -> { };
    }
}
