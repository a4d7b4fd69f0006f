package org.atalaya.media.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Queues work until the test runs it, on the test's thread. */
final class ManualExecutor implements Executor {

    private final Queue<Runnable> queued = new ArrayDeque<>();

    @Override
    public void execute(Runnable work) {
        queued.add(work);
    }

    /** Runs everything queued, including work queued while running. */
    void runAll() {
        Runnable next;
        while ((next = queued.poll()) != null) next.run();
    }

    boolean isIdle() {
        return queued.isEmpty();
    }
}
