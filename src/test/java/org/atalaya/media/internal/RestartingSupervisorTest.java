package org.atalaya.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.atalaya.media.Mp4FormatException;
import org.atalaya.media.OutputConsumer;
import org.atalaya.media.StreamProblem;
import org.atalaya.media.SupervisionStatus.State;
import org.atalaya.media.SupervisionStatus;
import org.atalaya.test.MovableClock;
import org.junit.jupiter.api.Test;

class RestartingSupervisorTest {

    private static final Instant START = Instant.parse("2026-11-29T08:00:00Z");
    private static final String CAMERA = "camera-7";
    private static final OutputConsumer READ_TO_THE_END = output -> output.transferTo(OutputStream.nullOutputStream());

    private final MovableClock clock = new MovableClock(START);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final ManualExecutor workers = new ManualExecutor();
    private final FakeLauncher launcher = new FakeLauncher(clock);
    private final List<SupervisionStatus> heard = new CopyOnWriteArrayList<>();
    private final SupervisionPolicy policy = new SupervisionPolicy(Duration.ofSeconds(10),
            seconds(1, 2, 5, 10, 30), Duration.ofSeconds(60));
    private final RestartingSupervisor supervisor =
            new RestartingSupervisor(launcher, scheduler, workers, clock, policy, heard::add);

    @Test
    void restartsAFailingProcessWithGrowingDelaysUpToTheLast() {
        supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END);

        List<Duration> delays = new ArrayList<>();
        for (int run = 0; run < 7; run++) {
            workers.runAll();
            SupervisionStatus status = status();
            assertThat(status.state()).isEqualTo(State.WAITING_TO_RESTART);
            assertThat(status.consecutiveFailures()).isEqualTo(run + 1);
            Duration delay = Duration.between(status.since(), status.nextAttempt());
            delays.add(delay);
            scheduler.advance(delay);
        }

        assertThat(delays).containsExactlyElementsOf(seconds(1, 2, 5, 10, 30, 30, 30));
        assertThat(launcher.starts()).containsExactly(START, at(1), at(3), at(8), at(18), at(48), at(78), at(108));
    }

    @Test
    void aRunThatWorkedForTheHealthyPeriodStartsTheDelaysAgain() {
        launcher.then(FakeProcess.failing(1)).then(FakeProcess.failing(1))
                .then(new FakeProcess(output(Duration.ofSeconds(5), 14), 0))
                .then(FakeProcess.failing(1))
                .then(new FakeProcess(output(Duration.ofSeconds(5), 4), 0));
        supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END);
        workers.runAll();
        scheduler.advance(Duration.ofSeconds(1));
        workers.runAll();
        assertThat(nextDelay()).isEqualTo(Duration.ofSeconds(2));

        scheduler.advance(Duration.ofSeconds(2));
        workers.runAll(); // output for 70 s, then the stream ends
        assertThat(heard).extracting(SupervisionStatus::state).contains(State.RUNNING);
        assertThat(nextDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(status().consecutiveFailures()).isEqualTo(1);

        scheduler.advance(Duration.ofSeconds(1));
        workers.runAll();
        scheduler.advance(Duration.ofSeconds(2));
        workers.runAll(); // output for 20 s only: not yet healthy
        assertThat(nextDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void stopsAndRestartsAProcessThatSendsNothing() {
        launcher.then(FakeProcess.failing(0));
        supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END);

        scheduler.advance(Duration.ofSeconds(9));
        assertThat(workers.isIdle()).as("the output reader has not run yet").isFalse();
        assertThat(launcher.last().stopRequests()).isZero();
        scheduler.advance(Duration.ofSeconds(1));
        workers.runAll();

        assertThat(launcher.last().stopRequests()).isPositive();
        SupervisionStatus status = status();
        assertThat(status.state()).isEqualTo(State.WAITING_TO_RESTART);
        assertThat(status.lastFailure().problem()).isEqualTo(StreamProblem.NO_OUTPUT);
        assertThat(status.describe()).isEqualTo("restarting in 1 s: no video arrived (nothing for 10 s)");
    }

    @Test
    void steadyOutputKeepsTheWatchdogQuiet() {
        launcher.then(new FakeProcess(output(Duration.ofSeconds(4), 10), 0));
        supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END);

        workers.runAll(); // 40 s of output, checked by the watchdog every few seconds, then the stream ends

        assertThat(clock.instant()).isEqualTo(at(40));
        assertThat(status().lastFailure().problem()).isEqualTo(StreamProblem.ENDED);
        assertThat(status().lastFailure().detail()).isEqualTo("exit code 0");
    }

    @Test
    void aStreamThatStallsIsStoppedAsSilent() {
        InputStream stalling = new ScriptedOutput(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(15)), 2);
        launcher.then(new FakeProcess(stalling, 255));
        supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END);

        workers.runAll();

        assertThat(heard).extracting(SupervisionStatus::state)
                .containsExactly(State.STARTING, State.RUNNING, State.WAITING_TO_RESTART);
        assertThat(status().lastFailure().problem()).isEqualTo(StreamProblem.NO_OUTPUT);
        assertThat(status().since()).isEqualTo(at(17));
    }

    @Test
    void explainsAFailureFromTheProcessErrorLines() {
        launcher.then(FakeProcess.failing(8,
                "[rtsp @ 0x56134c594040] method DESCRIBE failed: 401 Unauthorized",
                "[in#0 @ 0x56134c593d00] Error opening input: Server returned 401 Unauthorized (authorization failed)",
                "Error opening input file rtsp://***@127.0.0.1:8654/cam.",
                "Error opening input files: Server returned 401 Unauthorized (authorization failed)"));
        supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END);

        workers.runAll();

        assertThat(status().lastFailure().describe()).isEqualTo(
                "wrong credentials (Error opening input files: Server returned 401 Unauthorized (authorization failed))");
    }

    @Test
    void explainsAFailureFromTheConsumerWhenTheErrorLinesDoNot() {
        launcher.then(FakeProcess.failing(0, "frame=  10 fps=0.0 q=-1.0 size=0kB"))
                .then(FakeProcess.failing(1, "Connection refused"));
        OutputConsumer refusing = output -> {
            throw new Mp4FormatException("box 'moov' at offset 32 declares 4 bytes, less than its own header");
        };
        supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), refusing);

        workers.runAll();
        assertThat(status().lastFailure().problem()).isEqualTo(StreamProblem.UNSUPPORTED_STREAM);
        assertThat(status().lastFailure().detail()).startsWith("box 'moov' at offset 32");

        scheduler.advance(Duration.ofSeconds(1));
        workers.runAll();
        assertThat(status().lastFailure().problem()).isEqualTo(StreamProblem.UNREACHABLE);
    }

    @Test
    void aProcessThatCannotStartIsTriedAgain() {
        launcher.thenFail(new IOException("Cannot run program \"ffmpeg\": error=2, No such file or directory"))
                .then(FakeProcess.failing(0));
        supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END);

        assertThat(status().state()).isEqualTo(State.WAITING_TO_RESTART);
        assertThat(status().lastFailure().describe()).isEqualTo(
                "could not be started (Cannot run program \"ffmpeg\": error=2, No such file or directory)");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(status().state()).isEqualTo(State.STARTING);
        assertThat(launcher.starts()).hasSize(2);
    }

    @Test
    void stoppingEndsTheProcessAndItsRestarts() {
        launcher.afterwards(() -> FakeProcess.failing(0));
        supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END);
        supervisor.supervise("camera-8", () -> List.of("ffmpeg"), READ_TO_THE_END);
        FakeProcess running = launcher.last();

        supervisor.stop("camera-8");
        workers.runAll();
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(running.stopRequests()).isPositive();
        assertThat(supervisor.status("camera-8")).isEmpty();
        assertThat(heard.stream().filter(status -> status.key().equals("camera-8")))
                .extracting(SupervisionStatus::state).containsExactly(State.STARTING, State.STOPPED);
        assertThat(supervisor.statuses()).extracting(SupervisionStatus::key).containsExactly(CAMERA);
    }

    @Test
    void stoppingWhileWaitingCancelsTheRestart() {
        supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END);
        workers.runAll();

        supervisor.stop(CAMERA);
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(launcher.starts()).hasSize(1);
        assertThat(heard.getLast().state()).isEqualTo(State.STOPPED);
        assertThat(heard.getLast().lastFailure().problem()).isEqualTo(StreamProblem.UNREACHABLE);
    }

    @Test
    void closingStopsEveryProcess() {
        launcher.afterwards(() -> FakeProcess.failing(0));
        supervisor.supervise("a", () -> List.of("ffmpeg"), READ_TO_THE_END);
        supervisor.supervise("b", () -> List.of("ffmpeg"), READ_TO_THE_END);

        supervisor.close();

        assertThat(supervisor.statuses()).isEmpty();
        assertThat(heard).filteredOn(status -> status.state() == State.STOPPED)
                .extracting(SupervisionStatus::key).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aKeyIsSupervisedOnlyOnce() {
        supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END);

        assertThatThrownBy(() -> supervisor.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("'camera-7' is already supervised");
    }

    @Test
    void aFailingListenerDoesNotStopSupervision() {
        var supervised = new RestartingSupervisor(launcher, scheduler, workers, clock, policy, status -> {
            throw new IllegalStateException("listener broke");
        });
        supervised.supervise(CAMERA, () -> List.of("ffmpeg"), READ_TO_THE_END);
        workers.runAll();

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(launcher.starts()).hasSize(2);
    }

    private SupervisionStatus status() {
        return supervisor.status(CAMERA).orElseThrow();
    }

    private Duration nextDelay() {
        SupervisionStatus status = status();
        assertThat(status.state()).isEqualTo(State.WAITING_TO_RESTART);
        return Duration.between(status.since(), status.nextAttempt());
    }

    private static Instant at(long seconds) {
        return START.plusSeconds(seconds);
    }

    private static List<Duration> seconds(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
    }

    /** Output that arrives in {@code chunks} pieces, {@code every} apart. */
    private InputStream output(Duration every, int chunks) {
        return new ScriptedOutput(Collections.nCopies(chunks, every), chunks);
    }

    /**
     * Output whose reads take time: before each read the scheduler moves on by the next wait (running the
     * watchdog when it falls due), then the read returns a few bytes; after {@code chunks} reads, or when the waits
     * run out, the output ends.
     */
    private final class ScriptedOutput extends InputStream {

        private final List<Duration> waits;
        private final int chunks;
        private int reads;

        ScriptedOutput(List<Duration> waits, int chunks) {
            this.waits = waits;
            this.chunks = chunks;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (reads < waits.size()) scheduler.advance(waits.get(reads));
            if (reads++ >= chunks) return -1;
            buffer[offset] = 1;
            return 1;
        }
    }
}
