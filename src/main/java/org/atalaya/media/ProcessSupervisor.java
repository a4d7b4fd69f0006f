package org.atalaya.media;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps one process running per key (e.g. one ffmpeg per camera): starts it, restarts it with growing delays when it
 * ends or sends nothing for {@code atalaya.media.no-output-timeout}, and reports each change of state to the
 * {@link SupervisionListener} beans.
 */
public interface ProcessSupervisor {

    /**
     * Starts supervising: the process starts at once.
     *
     * @param command  gives the command line of each run, so that a restart picks up changed settings
     * @param consumer reads the output of each run
     * @throws IllegalStateException if {@code key} is already supervised
     */
    void supervise(String key, Supplier<List<String>> command, OutputConsumer consumer);

    /** Stops supervising {@code key} and stops its process, waiting for it to end. Does nothing for unknown keys. */
    void stop(String key);

    Optional<SupervisionStatus> status(String key);

    List<SupervisionStatus> statuses();
}
