package org.atalaya.media.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.atalaya.test.MovableClock;

/** Runs scheduled tasks when the test moves time forward, in the order they fall due, on the test's thread. */
final class ManualScheduler implements Scheduler {

    private final MovableClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private long scheduled;

    private static final class Task {
        final Instant due;
        final long order;
        final Runnable action;
        boolean cancelled;

        Task(Instant due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }
    }

    ManualScheduler(MovableClock clock) {
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        var task = new Task(clock.instant().plus(delay), scheduled++, action);
        tasks.add(task);
        return () -> task.cancelled = true;
    }

    /** Moves the clock by {@code duration}, running each task that falls due at its own time. */
    void advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        while (true) {
            tasks.removeIf(task -> task.cancelled);
            Task next = tasks.stream()
                    .filter(task -> !task.due.isAfter(target))
                    .min(Comparator.comparing((Task task) -> task.due).thenComparingLong(task -> task.order))
                    .orElse(null);
            if (next == null) break;
            tasks.remove(next);
            if (next.due.isAfter(clock.instant())) clock.set(next.due);
            next.action.run();
        }
        if (target.isAfter(clock.instant())) clock.set(target);
    }
}
