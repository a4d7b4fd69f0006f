package org.atalaya.media;

/**
 * How a {@link ChildProcess} ended when it was stopped.
 *
 * @param step     the last step of the stop sequence that was needed
 * @param exitCode the process's exit code; -1 if it was still running after SIGKILL and its grace period
 */
public record StopResult(Step step, int exitCode) {

    public enum Step {
        /** The process had already ended. */
        ALREADY_ENDED,
        /** It finished after {@code q} on its standard input. */
        QUIT,
        /** It needed SIGTERM. */
        TERMINATED,
        /** It needed SIGKILL. */
        KILLED
    }

    /** The process finished by itself or on the polite request, with exit code 0. */
    public boolean endedNormally() {
        return (step == Step.QUIT || step == Step.ALREADY_ENDED) && exitCode == 0;
    }
}
