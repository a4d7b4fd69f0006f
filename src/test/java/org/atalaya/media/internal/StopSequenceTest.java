package org.atalaya.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.media.StopResult;
import org.atalaya.media.StopResult.Step;
import org.junit.jupiter.api.Test;

class StopSequenceTest {

    private static final Duration QUIT_GRACE = Duration.ofSeconds(3);
    private static final Duration TERMINATE_GRACE = Duration.ofSeconds(2);

    @Test
    void aProcessThatQuitsOnRequestGetsNoSignal() {
        var process = new ScriptedProcess("quit", 0);

        StopResult result = StopSequence.run(process, QUIT_GRACE, TERMINATE_GRACE);

        assertThat(result).isEqualTo(new StopResult(Step.QUIT, 0));
        assertThat(result.endedNormally()).isTrue();
        assertThat(process.calls).containsExactly("q", "wait PT3S");
    }

    @Test
    void aProcessThatIgnoresTheRequestIsTerminated() {
        var process = new ScriptedProcess("terminate", 255);

        StopResult result = StopSequence.run(process, QUIT_GRACE, TERMINATE_GRACE);

        assertThat(result).isEqualTo(new StopResult(Step.TERMINATED, 255));
        assertThat(result.endedNormally()).isFalse();
        assertThat(process.calls).containsExactly("q", "wait PT3S", "SIGTERM", "wait PT2S");
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilled() {
        var process = new ScriptedProcess("kill", 137);

        assertThat(StopSequence.run(process, QUIT_GRACE, TERMINATE_GRACE)).isEqualTo(new StopResult(Step.KILLED, 137));
        assertThat(process.calls).containsExactly("q", "wait PT3S", "SIGTERM", "wait PT2S", "SIGKILL", "wait PT2S");
    }

    @Test
    void aProcessThatSurvivesEverythingIsReportedWithoutAnExitCode() {
        var process = new ScriptedProcess("never", 0);

        assertThat(StopSequence.run(process, QUIT_GRACE, TERMINATE_GRACE)).isEqualTo(new StopResult(Step.KILLED, -1));
    }

    @Test
    void aProcessThatEndedAlreadyIsLeftAlone() {
        var process = new ScriptedProcess("ended", 1);

        assertThat(StopSequence.run(process, QUIT_GRACE, TERMINATE_GRACE))
                .isEqualTo(new StopResult(Step.ALREADY_ENDED, 1));
        assertThat(process.calls).isEmpty();
    }

    /** Ends at the step named by {@code endsAt}, recording what it was asked. */
    private static final class ScriptedProcess implements StopSequence.ProcessControl {

        private final String endsAt;
        private final int exitCode;
        private final List<String> calls = new ArrayList<>();
        private boolean ended;

        ScriptedProcess(String endsAt, int exitCode) {
            this.endsAt = endsAt;
            this.exitCode = exitCode;
            this.ended = endsAt.equals("ended");
        }

        @Override
        public boolean hasEnded() {
            return ended;
        }

        @Override
        public void askToQuit() {
            calls.add("q");
            ended = endsAt.equals("quit");
        }

        @Override
        public boolean awaitExit(Duration timeout) {
            calls.add("wait " + timeout);
            return ended;
        }

        @Override
        public void terminate() {
            calls.add("SIGTERM");
            ended = endsAt.equals("terminate");
        }

        @Override
        public void kill() {
            calls.add("SIGKILL");
            ended = endsAt.equals("kill");
        }

        @Override
        public int exitCode() {
            if (!ended) throw new IllegalStateException("still running");
            return exitCode;
        }
    }
}
