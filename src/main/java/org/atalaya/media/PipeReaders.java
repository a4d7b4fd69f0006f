package org.atalaya.media;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads for reading a child process's output. They are platform threads on purpose: a virtual thread blocked in a
 * read from a process pipe keeps its carrier thread, so a few such readers can take every carrier of a small machine
 * and stall the web server, and many make the scheduler add carriers at a cost that a platform thread avoids.
 */
public final class PipeReaders {

    private PipeReaders() {
    }

    /** A new daemon platform thread per task, named {@code prefix} and a number. */
    public static ExecutorService perTask(String prefix) {
        return Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name(prefix, 0).factory());
    }
}
