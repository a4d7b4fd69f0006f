package org.atalaya.media;

import java.io.IOException;
import java.util.List;

/**
 * Starts child processes from an argument list, never through a shell, so no camera name or URL can add arguments.
 * Every process is marked as Atalaya's, with {@code key}, so that one left behind by a crashed server is found and
 * stopped at the next start.
 *
 * <p>Never put a password on the command line: any local user can read it (see ADR 16 for how credentials reach
 * ffmpeg). Do not pass ffmpeg's {@code -nostdin}: it makes ffmpeg ignore {@code q} and the first SIGTERM.
 */
public interface ProcessLauncher {

    /**
     * @param key     what the process is for, e.g. a camera ID; shown when a leftover process is stopped
     * @param command the program and its arguments
     */
    ChildProcess start(String key, List<String> command) throws IOException;
}
