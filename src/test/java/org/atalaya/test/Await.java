package org.atalaya.test;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits in tests for something that happens on its own (a recorder writing, a camera going offline). */
public final class Await {

    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    /** Returns as soon as the condition holds; fails the test when it still does not after the timeout. */
    public static void until(Duration timeout, BooleanSupplier condition) {
        until(timeout, condition, "", () -> true, () -> "");
    }

    /**
     * Returns as soon as the condition holds; fails the test at once when the precondition stops holding (a server
     * that died will never make the condition true), or after the timeout, with the details in either message.
     *
     * @param precondition in words, e.g. "the server is running"
     * @param preconditionHolds checked before each wait
     * @param details what helps to see why, e.g. a log; asked for only when the test fails
     */
    public static void until(Duration timeout, BooleanSupplier condition, String precondition,
                             BooleanSupplier preconditionHolds, Supplier<String> details) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (!preconditionHolds.getAsBoolean()) fail("No longer true: %s; %s", precondition, details.get());
            if (!Instant.now().isBefore(deadline)) fail("Waited %s in vain. %s", timeout, details.get());
            pause();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("Interrupted while waiting", e);
        }
    }
}
