package org.atalaya.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.atalaya.camera.internal.FrameOutputs;
import org.atalaya.media.FfmpegBinaries;
import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.ProcessSupervisor;
import org.atalaya.test.Await;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.RtspServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analysed camera's one ffmpeg process: its fragmented MP4 and, beside it through a FIFO, small gray frames, read
 * from a real RTSP server by the real ffmpeg.
 */
@AtalayaTest
class CameraFramesTest {

    private static final long CAMERA_ID = 9_100_001L;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static RtspServer server;

    @Autowired
    ProcessSupervisor supervisor;
    @Autowired
    FfmpegBinaries binaries;
    @Autowired
    MediaProperties media;
    @Autowired
    Clock clock;
    @TempDir
    Path runDirectory;

    private final AtomicBoolean analysed = new AtomicBoolean(true);
    private final String key = "frames-test-" + System.nanoTime();
    private final AtomicInteger fragments = new AtomicInteger();
    private final AtomicReference<Duration> videoTime = new AtomicReference<>(Duration.ZERO);
    private CameraStreamProcesses processes;

    @BeforeAll
    static void startCamera() {
        server = RtspServer.withStreams(1).size(640, 360).fps(10).start();
    }

    @AfterAll
    static void stopCamera() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        analysed.set(true);
    }

    @AfterEach
    void stopProcess() {
        supervisor.stop(key);
    }

    /** A camera catalog of one camera, analysed as the test says. */
    private CameraCatalog catalog() {
        return new CameraCatalog() {
            @Override
            public List<RegisteredCamera> all() {
                return List.of(camera());
            }

            @Override
            public Optional<RegisteredCamera> find(long cameraId) {
                return cameraId == CAMERA_ID ? Optional.of(camera()) : Optional.empty();
            }

            private RegisteredCamera camera() {
                return new RegisteredCamera(CAMERA_ID, "Frames", "frames-tests", true, false, 1, null, null, null,
                        null, null, false, analysed.get());
            }
        };
    }

    private void superviseWith(CameraFrameSink sink) {
        var frameOutputs = new FrameOutputs(catalog(), new CameraProperties(runDirectory.toString(), null, 5, 320,
                false), List.of(sink), clock);
        processes = new CameraStreamProcesses(supervisor, binaries, media, frameOutputs);
        superviseAgain();
    }

    private void superviseAgain() {
        processes.superviseWithFrames(key, CAMERA_ID,
                () -> CameraInput.of(List.of("-rtsp_transport", "tcp", "-i", server.url(1))),
                (output, videoArrived) -> {
                    var reader = new FragmentedMp4Reader(output, media.maxBoxSize().toBytes());
                    for (var next = reader.nextFragment(); next.isPresent(); next = reader.nextFragment()) {
                        Mp4Fragment fragment = next.get();
                        videoTime.set(fragment.start().plus(fragment.length()));
                        if (fragments.incrementAndGet() == 1) videoArrived.run();
                    }
                });
    }

    private List<Path> fifos() throws IOException {
        try (Stream<Path> files = Files.list(runDirectory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("frames-" + key)).toList();
        }
    }

    @Test
    void anAnalysedCameraDeliversSmallGrayFramesAtTheConfiguredRateBesideItsVideo() throws Exception {
        var sink = new RecordingSink();
        superviseWith(sink);

        Await.until(PATIENCE, () -> sink.count() >= 10);
        assertThat(fifos()).singleElement().satisfies(fifo -> {
            assertThat(Files.isRegularFile(fifo)).as("a FIFO, not a file").isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo))).isEqualTo("rw-------");
        });
        int framesBefore = sink.count();
        Duration videoBefore = videoTime.get();
        Await.until(PATIENCE, () -> sink.count() >= framesBefore + 20);
        int frames = sink.count() - framesBefore;
        double videoSeconds = videoTime.get().minus(videoBefore).toMillis() / 1000.0;

        assertThat(fragments.get()).as("the video still flows").isGreaterThan(10);
        assertThat(frames / videoSeconds).as("frames per second of video").isBetween(3.5, 7.0);
        assertThat(sink.frames()).allSatisfy(frame -> {
            assertThat(frame.width()).isEqualTo(320);
            assertThat(frame.height()).isEqualTo(180);
        });
        assertThat(sink.keys()).containsOnly(key);

        supervisor.stop(key);
        assertThat(fifos()).as("the FIFO is deleted when the run ends").isEmpty();
        Await.until(PATIENCE, () -> sink.ended.get() == 1);
    }

    @Test
    void aSinkThatDoesNotReturnNeverHoldsUpTheVideo() throws Exception {
        var release = new CountDownLatch(1);
        var stuck = new AtomicInteger();
        superviseWith(new CameraFrameSink() {
            @Override
            public void frameArrived(long cameraId, String processKey, GrayFrame frame) {
                stuck.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void framesEnded(long cameraId, String processKey) {
            }
        });
        try {
            Await.until(PATIENCE, () -> stuck.get() == 1);
            int fragmentsWhenStuck = fragments.get();

            // at 10 fps in 100 ms fragments: a FIFO left unread would stop ffmpeg within a frame or two
            Await.until(PATIENCE, () -> fragments.get() >= fragmentsWhenStuck + 30);

            assertThat(stuck.get()).isEqualTo(1);
            assertThat(supervisor.status(key).orElseThrow().state()).isEqualTo(
                    org.atalaya.media.SupervisionStatus.State.RUNNING);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aCameraNoLongerAnalysedRunsWithoutFramesFromItsNextStart() throws Exception {
        var sink = new RecordingSink();
        superviseWith(sink);
        Await.until(PATIENCE, () -> sink.count() >= 3);

        analysed.set(false);
        supervisor.stop(key);
        int framesAtStop = sink.count();
        int fragmentsAtStop = fragments.get();
        superviseAgain();
        Await.until(PATIENCE, () -> fragments.get() >= fragmentsAtStop + 30);

        assertThat(sink.count()).isEqualTo(framesAtStop);
        assertThat(sink.ended.get()).isEqualTo(1);
        assertThat(fifos()).isEmpty();
    }

    /** Keeps every frame. */
    private static final class RecordingSink implements CameraFrameSink {

        private final List<GrayFrame> frames = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        final AtomicInteger ended = new AtomicInteger();

        @Override
        public synchronized void frameArrived(long cameraId, String processKey, GrayFrame frame) {
            assertThat(cameraId).isEqualTo(CAMERA_ID);
            frames.add(frame);
            keys.add(processKey);
        }

        @Override
        public void framesEnded(long cameraId, String processKey) {
            ended.incrementAndGet();
        }

        synchronized int count() {
            return frames.size();
        }

        synchronized List<GrayFrame> frames() {
            return List.copyOf(frames);
        }

        synchronized List<String> keys() {
            return List.copyOf(keys);
        }
    }
}
