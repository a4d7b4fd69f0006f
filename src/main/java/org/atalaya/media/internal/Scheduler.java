package org.atalaya.media.internal;

import java.time.Duration;

/** Runs tasks later: the supervisor's only way to wait, so that tests can move time by hand. */
interface Scheduler {

    /** Runs {@code task} once after {@code delay}; cancelling the returned handle stops it if it has not run. */
    Cancellable schedule(Duration delay, Runnable task);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
