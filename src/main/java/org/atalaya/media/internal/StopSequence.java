package org.atalaya.media.internal;

import java.time.Duration;
import org.atalaya.media.StopResult;
import org.atalaya.media.StopResult.Step;

/** Stops a process politely first: {@code q} on its input, then SIGTERM, then SIGKILL, each after a grace period. */
final class StopSequence {

    /** What the stop sequence needs of a process. */
    interface ProcessControl {

        boolean hasEnded();

        /** Writes {@code q} and a line end to the process's input and closes it. */
        void askToQuit();

        /** @return whether the process ended within {@code timeout} */
        boolean awaitExit(Duration timeout);

        void terminate();

        void kill();

        /** Only once the process has ended. */
        int exitCode();
    }

    private StopSequence() {
    }

    static StopResult run(ProcessControl process, Duration quitGrace, Duration terminateGrace) {
        if (process.hasEnded()) return new StopResult(Step.ALREADY_ENDED, process.exitCode());
        process.askToQuit();
        if (process.awaitExit(quitGrace)) return new StopResult(Step.QUIT, process.exitCode());
        process.terminate();
        if (process.awaitExit(terminateGrace)) return new StopResult(Step.TERMINATED, process.exitCode());
        process.kill();
        return new StopResult(Step.KILLED, process.awaitExit(terminateGrace) ? process.exitCode() : -1);
    }
}
