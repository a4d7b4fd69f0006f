package org.atalaya.clip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.atalaya.clip.EventClip;
import org.atalaya.clip.EventClip.State;
import org.atalaya.test.Await;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Ffmpeg;
import org.atalaya.test.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

/**
 * The capture of event clips against the real database, with a service of its own (3 s before, 4 s after the event)
 * fed with a real camera-like stream on a clock the test moves.
 */
@AtalayaTest
class EventClipServiceTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @Autowired
    ClipStore store;
    @TempDir
    Path storage;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private EventClipService clips;
    private RingPreEventBuffer buffer;

    @AfterEach
    void stop() {
        if (clips != null) clips.close();
    }

    @Test
    void aClipHoldsThePreEventTimeFromAKeyframeAndThePostEventTimeAsAPlayableFile() throws Exception {
        service(Duration.ofSeconds(30));
        CameraFeed feed = new CameraFeed(cameraId(), buffer, clock);
        feed.feedUntil(12);
        String event = event();

        EventClip pending = clips.capture(feed.cameraId, feed.at(10.2), event);
        feed.feedUntil(13);

        assertThat(pending.state()).isEqualTo(State.PENDING);
        assertThat(clips.find(pending.id()).orElseThrow().state()).isEqualTo(State.PENDING);
        feed.feedUntil(16);
        EventClip ready = awaitFinished(pending.id());

        assertThat(ready.state()).isEqualTo(State.READY);
        assertThat(ready.from()).as("the keyframe at or before the event's time minus 3 s")
                .isCloseTo(feed.at(7), CameraFeed.ROUNDING_OFFSET);
        assertThat(ready.to()).isAfterOrEqualTo(feed.at(14.2)).isBefore(feed.at(14.8));
        ClipStore.StoredClip stored = store.find(ready.id()).orElseThrow();
        Path file = stored.file();
        assertThat(file).isEqualTo(storage.resolve(feed.cameraId + "/2026/03/01/" + ready.id() + ".mp4"));
        assertThat(Files.size(file)).isEqualTo(stored.bytes());
        assertThat(storedSha256(ready.id())).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
        assertThat(duration(file)).as("from the keyframe at 7 s to the fragment that ends past 14.2 s")
                .isBetween(7.1, 7.9);
        assertThat(firstFrame(file)).contains("key_frame=1").contains("pts_time=0.0");
        try (var parts = Files.list(file.getParent())) {
            assertThat(parts.map(Path::getFileName).map(Path::toString)).containsExactly(ready.id() + ".mp4");
        }
        assertThat(clips.forEvent(event)).containsExactly(ready);
    }

    @Test
    void aCameraThatIsNotConnectedHasNoClipAndSaysWhy() {
        service(Duration.ofSeconds(30));
        long cameraId = cameraId();

        EventClip clip = clips.capture(cameraId, clock.instant(), event());

        String problem = "camera " + cameraId + " is not connected (neither recorded nor analysed)";
        assertThat(clip.state()).isEqualTo(State.UNAVAILABLE);
        assertThat(clip.problem()).isEqualTo(problem);
        assertThat(clips.find(clip.id()).orElseThrow()).isEqualTo(clip);
    }

    @Test
    void overlappingClipsOfOneCameraAreEachWhole() throws Exception {
        service(Duration.ofSeconds(30));
        CameraFeed feed = new CameraFeed(cameraId(), buffer, clock);
        feed.feedUntil(8);
        EventClip first = clips.capture(feed.cameraId, feed.at(6), event());
        feed.feedUntil(9);
        EventClip second = clips.capture(feed.cameraId, feed.at(8.5), event());

        feed.feedUntil(14);
        EventClip firstReady = awaitFinished(first.id());
        EventClip secondReady = awaitFinished(second.id());

        assertThat(firstReady.from()).isCloseTo(feed.at(3), CameraFeed.ROUNDING_OFFSET);
        assertThat(secondReady.from()).isCloseTo(feed.at(5), CameraFeed.ROUNDING_OFFSET);
        assertThat(duration(store.find(first.id()).orElseThrow().file())).isBetween(7.0, 7.9);
        assertThat(duration(store.find(second.id()).orElseThrow().file())).isBetween(7.5, 8.4);
    }

    @Test
    void aStreamThatEndsMidClipLeavesTheClipWithWhatItHas() throws Exception {
        service(Duration.ofSeconds(30));
        CameraFeed feed = new CameraFeed(cameraId(), buffer, clock);
        feed.feedUntil(10);
        EventClip clip = clips.capture(feed.cameraId, feed.at(10), event());
        feed.feedUntil(12);

        feed.end();
        EventClip ready = awaitFinished(clip.id());

        assertThat(ready.state()).isEqualTo(State.READY);
        assertThat(ready.to()).isCloseTo(feed.at(12), CameraFeed.ROUNDING_OFFSET);
        assertThat(duration(store.find(clip.id()).orElseThrow().file())).isBetween(4.9, 5.1);
    }

    @Test
    void aCameraThatSendsNothingMoreIsFinishedByTheTimeout() throws Exception {
        service(Duration.ofMillis(300));
        CameraFeed feed = new CameraFeed(cameraId(), buffer, clock);
        feed.feedUntil(10);

        // due at 14 s plus the timeout, and the clock stands at 10 s: 4.3 s from now
        EventClip clip = clips.capture(feed.cameraId, feed.at(10), event());
        EventClip ready = awaitFinished(clip.id());

        assertThat(ready.state()).isEqualTo(State.READY);
        assertThat(ready.to()).isCloseTo(feed.at(10), CameraFeed.ROUNDING_OFFSET);
        assertThat(duration(store.find(clip.id()).orElseThrow().file())).isBetween(2.9, 3.1);
    }

    @Test
    void clipsStillCollectingWhenTheServerStopsAreWrittenWithWhatTheyHave() throws Exception {
        service(Duration.ofSeconds(30));
        CameraFeed feed = new CameraFeed(cameraId(), buffer, clock);
        feed.feedUntil(10);
        EventClip clip = clips.capture(feed.cameraId, feed.at(9), event());
        assertThat(clips.pendingCount()).isEqualTo(1);

        clips.close();

        EventClip finished = clips.find(clip.id()).orElseThrow();
        assertThat(finished.state()).isEqualTo(State.READY);
        assertThat(duration(store.find(clip.id()).orElseThrow().file())).isBetween(3.9, 4.1);
        assertThat(clips.pendingCount()).isZero();
    }

    @Test
    void aClipThatGetsNoKeyframeIsUnavailableAndSaysWhy() {
        service(Duration.ofSeconds(30));
        CameraFeed feed = new CameraFeed(cameraId(), buffer, clock);
        EventClip clip = clips.capture(feed.cameraId, clock.instant(), event());

        feed.end();

        EventClip finished = awaitFinished(clip.id());
        assertThat(finished.state()).isEqualTo(State.UNAVAILABLE);
        assertThat(finished.problem()).isEqualTo("camera " + feed.cameraId
                + " sent no video from the event's start (the camera's stream ended)");
    }

    @Test
    void aClipStopsAtItsSizeLimit() throws Exception {
        long bytesPerSecond = CameraFeed.stream().fragments().stream().mapToLong(f -> f.size()).sum()
                / CameraFeed.SECONDS;
        buffer = new RingPreEventBuffer(CameraFeed.properties(3, 4, DataSize.ofMegabytes(16), GENEROUS), clock);
        clips = new EventClipService(buffer, store, new org.atalaya.clip.ClipProperties(Duration.ofSeconds(3),
                Duration.ofSeconds(4), null, DataSize.ofBytes(bytesPerSecond * 2), GENEROUS, null), storage, clock);
        CameraFeed feed = new CameraFeed(cameraId(), buffer, clock);
        feed.feedUntil(10);

        EventClip clip = clips.capture(feed.cameraId, feed.at(10), event());
        EventClip ready = awaitFinished(clip.id());

        assertThat(ready.state()).isEqualTo(State.READY);
        assertThat(store.find(clip.id()).orElseThrow().bytes()).isLessThan(bytesPerSecond * 3);
        assertThat(duration(store.find(clip.id()).orElseThrow().file())).isLessThan(3.0);
    }

    private void service(Duration captureTimeout) {
        buffer = new RingPreEventBuffer(CameraFeed.properties(3, 4, DataSize.ofMegabytes(16), captureTimeout), clock);
        clips = new EventClipService(buffer, store, CameraFeed.properties(3, 4, DataSize.ofMegabytes(16),
                captureTimeout), storage, clock);
    }

    private EventClip awaitFinished(long clipId) {
        Await.until(GENEROUS, () -> clips.find(clipId).orElseThrow().state() != State.PENDING);
        return clips.find(clipId).orElseThrow();
    }

    private byte[] storedSha256(long clipId) {
        return store.sha256(clipId);
    }

    /** Camera ids of no registered camera, unique to each test: clips are kept by camera id alone here. */
    private static long cameraId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
    }

    private static String event() {
        return "test:" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    static double duration(Path file) {
        Ffmpeg.Result probe = Ffmpeg.probe(GENEROUS, List.of("-v", "error", "-show_entries", "format=duration",
                "-of", "default=noprint_wrappers=1:nokey=1", file.toString()));
        assertThat(probe.succeeded()).as(probe.errors()).isTrue();
        return Double.parseDouble(probe.output().strip());
    }

    private static String firstFrame(Path file) {
        Ffmpeg.Result probe = Ffmpeg.probe(GENEROUS, List.of("-v", "error", "-select_streams", "v:0",
                "-show_entries", "frame=key_frame,pts_time", "-read_intervals", "%+#1", "-of", "default",
                file.toString()));
        assertThat(probe.succeeded()).as(probe.errors()).isTrue();
        return probe.output();
    }
}
