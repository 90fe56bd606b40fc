package dev.serialtrace.desktop.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Work for the background, described fluently: what to do, and what to do with its progress,
 * result and each kind of failure. The callbacks run on the FX thread (with
 * {@link FxTaskExecutor}) so view models may touch their properties in them.
 *
 * <pre>{@code
 * BackgroundTask.of(progress -> database.fetch())
 *     .onProgress(vm::showProgress)
 *     .onSuccess(vm::show)
 *     .onFailure(DatabaseException.class, vm::showConnectionError)
 *     .executeWith(tasks);
 * }</pre>
 */
public final class BackgroundTask<T> {

    /** The work itself; it reports progress as it goes. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** Progress as the work sees it: a message and a fraction (negative: unknown). */
    @FunctionalInterface
    public interface Progress {
        void update(String message, double fraction);
    }

    private record FailureHandler<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {
        boolean handle(Throwable t) {
            if (type.isInstance(t)) {
                handler.accept(type.cast(t));
                return true;
            }
            return false;
        }
    }

    private final Work<T> work;
    private Progress progress = (m, f) -> { };
    private Consumer<? super T> success = r -> { };
    private final List<FailureHandler<?>> failures = new ArrayList<>();
    private Consumer<Throwable> otherFailure = t -> { };

    private BackgroundTask(Work<T> work) {
        this.work = work;
    }

    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    public BackgroundTask<T> onProgress(Progress onProgress) {
        this.progress = onProgress;
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> onSuccess) {
        this.success = onSuccess;
        return this;
    }

    public <E extends Throwable> BackgroundTask<T> onFailure(Class<E> type, Consumer<? super E> handler) {
        failures.add(new FailureHandler<>(type, handler));
        return this;
    }

    /** For failures no typed handler took. */
    public BackgroundTask<T> onOtherFailure(Consumer<Throwable> handler) {
        this.otherFailure = handler;
        return this;
    }

    public TaskExecutor.Cancellable executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    // --- for executors

    T run(Progress reporter) throws Exception {
        return work.run(reporter);
    }

    void reportProgress(String message, double fraction) {
        progress.update(message, fraction);
    }

    void succeed(T result) {
        success.accept(result);
    }

    void fail(Throwable t) {
        for (FailureHandler<?> f : failures) {
            if (f.handle(t)) {
                return;
            }
        }
        otherFailure.accept(t);
    }
}
