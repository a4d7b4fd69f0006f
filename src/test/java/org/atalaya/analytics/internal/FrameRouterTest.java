package org.atalaya.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.atalaya.camera.GrayFrame;
import org.atalaya.test.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameRouterTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final long CAMERA = 7;

    private final LatestFrames latest = new LatestFrames();
    private final RecordingAnalysis analysis = new RecordingAnalysis();
    private final FrameRouter router = new FrameRouter(analysis, latest);

    @AfterEach
    void stop() {
        analysis.release.countDown();
        router.destroy();
    }

    private static GrayFrame frame(int luma) {
        byte[] pixels = new byte[4];
        java.util.Arrays.fill(pixels, (byte) luma);
        return new GrayFrame(2, 2, pixels, Instant.EPOCH.plusSeconds(luma));
    }

    @Test
    void framesAreAnalysedOneAtATimeAndTheNewestWaitingFrameWins() {
        analysis.holdOn = true;
        router.frameArrived(CAMERA, "recording-7", frame(1));
        Await.until(PATIENCE, () -> analysis.started.get() == 1);

        for (int luma = 2; luma <= 5; luma++) router.frameArrived(CAMERA, "recording-7", frame(luma));
        assertThat(latest.latest(CAMERA)).hasValueSatisfying(frame -> assertThat(frame.luma(0, 0)).isEqualTo(5));
        analysis.release.countDown();
        Await.until(PATIENCE, () -> analysis.calls().size() == 2);

        assertThat(analysis.calls()).containsExactly("analyse 1", "analyse 5");
        assertThat(analysis.mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void theRecorderTakesOverFromTheAnalyticsOnlyConnection() {
        router.frameArrived(CAMERA, "analytics-7", frame(1));
        Await.until(PATIENCE, () -> analysis.calls().size() == 1);
        router.frameArrived(CAMERA, "recording-7", frame(2));
        Await.until(PATIENCE, () -> analysis.calls().size() == 3);
        router.frameArrived(CAMERA, "analytics-7", frame(3));
        router.framesEnded(CAMERA, "analytics-7");
        router.frameArrived(CAMERA, "recording-7", frame(4));
        Await.until(PATIENCE, () -> analysis.calls().size() == 4);
        router.framesEnded(CAMERA, "recording-7");
        Await.until(PATIENCE, () -> analysis.calls().size() == 5);

        assertThat(analysis.calls()).containsExactly("analyse 1", "reset", "analyse 2", "analyse 4", "reset");
        assertThat(latest.latest(CAMERA)).hasValueSatisfying(frame -> assertThat(frame.luma(0, 0)).isEqualTo(4));
    }

    @Test
    void theRecordersFramesWinEvenWhenTheAnalyticsOnlyConnectionsFirstFramesComeAfterThem() {
        // a camera created with analysis on: the analytics-only connection opens before the recorder has started,
        // but its ffmpeg is slower to deliver, and it is closed once the recorder runs
        router.frameArrived(CAMERA, "recording-7", frame(1));
        Await.until(PATIENCE, () -> analysis.calls().size() == 1);
        router.frameArrived(CAMERA, "analytics-7", frame(2));
        router.frameArrived(CAMERA, "recording-7", frame(3));
        Await.until(PATIENCE, () -> analysis.calls().size() == 2);
        router.framesEnded(CAMERA, "analytics-7");
        router.frameArrived(CAMERA, "recording-7", frame(4));
        Await.until(PATIENCE, () -> analysis.calls().size() == 3);

        assertThat(analysis.calls()).containsExactly("analyse 1", "analyse 3", "analyse 4");
    }

    @Test
    void aFailingAnalysisDoesNotStopTheNextFrames() {
        analysis.failOn = 1;
        router.frameArrived(CAMERA, "recording-7", frame(1));
        Await.until(PATIENCE, () -> analysis.calls().size() == 1);
        router.frameArrived(CAMERA, "recording-7", frame(2));
        Await.until(PATIENCE, () -> analysis.calls().size() == 2);

        assertThat(analysis.calls()).containsExactly("analyse 1", "analyse 2");
    }

    private static final class RecordingAnalysis implements FrameAnalysis {

        private final List<String> calls = new ArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        volatile boolean holdOn;
        volatile int failOn = -1;

        @Override
        public void analyse(long cameraId, GrayFrame frame) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            started.incrementAndGet();
            try {
                if (holdOn) release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            record("analyse " + frame.luma(0, 0));
            running.decrementAndGet();
            if (frame.luma(0, 0) == failOn) throw new IllegalStateException("a detector failed");
        }

        @Override
        public void reset(long cameraId) {
            record("reset");
        }

        private synchronized void record(String call) {
            calls.add(call);
        }

        synchronized List<String> calls() {
            return List.copyOf(calls);
        }
    }
}
