package org.atalaya.media;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a supervised process stands.
 *
 * @param key                 what the process is for, e.g. a camera ID
 * @param state               what it is doing now
 * @param since               when it entered {@code state}
 * @param consecutiveFailures failed runs since the last healthy one
 * @param nextAttempt         when it starts again; null unless {@code state} is {@code WAITING_TO_RESTART}
 * @param lastFailure         why the last run failed; null if no run has failed
 */
public record SupervisionStatus(String key, State state, Instant since, int consecutiveFailures, Instant nextAttempt,
                                Failure lastFailure) {

    public enum State {
        /** The process was started and has not written anything yet. */
        STARTING,
        /** The process is writing output. */
        RUNNING,
        /** The last run failed; the next starts at {@code nextAttempt}. */
        WAITING_TO_RESTART,
        /** Supervision ended on request. */
        STOPPED
    }

    /**
     * Why a run failed.
     *
     * @param problem the kind of failure
     * @param detail  the evidence: the process's error line that explains it (credentials removed), or a sentence
     * @param at      when the run ended
     */
    public record Failure(StreamProblem problem, String detail, Instant at) {

        /** E.g. "wrong credentials (Server returned 401 Unauthorized)". */
        public String describe() {
            return detail == null || detail.isBlank() ? problem.words() : problem.words() + " (" + detail + ")";
        }
    }

    /** One line for logs and status pages, e.g. "restarting in 5 s: unreachable (Connection refused)". */
    public String describe() {
        return switch (state) {
            case STARTING -> "starting";
            case RUNNING -> "running";
            case STOPPED -> "stopped";
            case WAITING_TO_RESTART -> "restarting in " + Duration.between(since, nextAttempt).toSeconds() + " s"
                    + (lastFailure == null ? "" : ": " + lastFailure.describe());
        };
    }
}
