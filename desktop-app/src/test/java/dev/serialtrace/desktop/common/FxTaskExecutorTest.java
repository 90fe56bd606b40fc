package dev.serialtrace.desktop.common;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class FxTaskExecutorTest {

    @Test
    void aTaskSubmittedWhileTheWindowClosesIsNotStartedAndNothingThrows() {
        FxTaskExecutor executor = new FxTaskExecutor();
        executor.close();
        AtomicBoolean ran = new AtomicBoolean();
        // e.g. a refresh chained to a save that finished just as the window closed
        assertThatCode(() -> executor.execute(BackgroundTask.of(p -> ran.getAndSet(true))).cancel()).doesNotThrowAnyException();
        assertThat(ran).isFalse();
        assertThat(executor.runningProperty().get()).isZero();
    }
}
