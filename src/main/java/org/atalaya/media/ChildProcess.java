package org.atalaya.media;

import java.io.InputStream;
import java.util.List;

/** A running child process started by a {@link ProcessLauncher}. Safe to use from several threads. */
public interface ChildProcess {

    long pid();

    /** What the process writes to its standard output; read it promptly, or the process blocks on a full pipe. */
    InputStream output();

    /**
     * The last lines the process wrote to its standard error, oldest first, with credentials in URLs replaced by
     * {@code ***}. Read on a thread of its own so that error output never blocks the process.
     */
    List<String> recentErrorLines();

    /**
     * Stops the process and waits for it: {@code q} and end of input on its standard input (ffmpeg then finishes its
     * output), SIGTERM after a grace period, SIGKILL after another. Calling it again, or after the process ended on
     * its own, returns how it ended.
     */
    StopResult stop();
}
