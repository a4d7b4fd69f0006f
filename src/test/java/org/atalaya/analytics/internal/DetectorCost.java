package org.atalaya.analytics.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.atalaya.camera.GrayFrame;

/**
 * What the detectors cost per frame at the analytics size (320x180), measured on 30 s of ffmpeg's busy test picture
 * played over and over after a warm-up. Not a test: run it by hand,
 * {@code java -cp target/classes:target/test-classes:<test classpath> org.atalaya.analytics.internal.DetectorCost}.
 * Prints the CPU time per frame (the thread's own, so other work on the machine does not count) for motion and
 * tamper and the share of one core they take at 5 frames per second.
 */
final class DetectorCost {

    private static final int WARM_UP_PASSES = 40;
    private static final int MEASURED_PASSES = 200;

    private DetectorCost() {
    }

    public static void main(String[] args) throws Exception {
        List<GrayFrame> frames = RenderedFrames.render(RenderedFrames.BUSY_SCENE, null, 30);
        List<Zone> zones = List.of(MotionDetectorTest.band("yard", Zone.Kind.DETECT, 0.3, 0.7),
                MotionDetectorTest.band("road", Zone.Kind.EXCLUDE, 0.5, 0.6));
        double motion = nanosPerFrame(frames, zones, true);
        double tamper = nanosPerFrame(frames, zones, false);
        System.out.printf(Locale.ROOT, "motion %.0f ns/frame, tamper %.0f ns/frame, together %.3f %% of a core at 5 fps%n",
                motion, tamper, (motion + tamper) * 5 / 1e9 * 100);
    }

    private static double nanosPerFrame(List<GrayFrame> frames, List<Zone> zones, boolean motion) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long measuredNanos = 0;
        for (int pass = 0; pass < WARM_UP_PASSES + MEASURED_PASSES; pass++) {
            // a new detector each pass, so frame times run forward as a camera's would
            MotionDetector motionDetector = new MotionDetector(1, Duration.ofSeconds(5));
            TamperDetector tamperDetector = new TamperDetector(1, Duration.ofSeconds(3), Duration.ofSeconds(10));
            long started = cpu.getCurrentThreadCpuTime();
            for (GrayFrame frame : frames) {
                sink += motion
                        ? motionDetector.analyse(frame, zones, Duration.ofSeconds(1), true).isPresent() ? 1 : 0
                        : tamperDetector.analyse(frame).isPresent() ? 1 : 0;
            }
            if (pass >= WARM_UP_PASSES) measuredNanos += cpu.getCurrentThreadCpuTime() - started;
        }
        if (sink < 0) throw new IllegalStateException("unreachable");
        return measuredNanos / (double) (MEASURED_PASSES * frames.size());
    }
}
