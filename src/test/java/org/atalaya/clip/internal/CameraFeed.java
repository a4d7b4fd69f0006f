package org.atalaya.clip.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.assertj.core.data.TemporalUnitOffset;
import org.assertj.core.data.TemporalUnitWithinOffset;
import org.atalaya.clip.ClipProperties;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.recording.RecordingStreams;
import org.atalaya.test.MovableClock;
import org.springframework.util.unit.DataSize;

/**
 * Feeds a pre-event buffer with a real camera-like stream (ffmpeg's test picture: a keyframe a second, a fragment
 * every half second) as if it arrived live: the clock stands at each fragment's end when it arrives.
 */
final class CameraFeed {

    static final int SECONDS = 30;
    /** Frame times at 15 fps are not whole nanoseconds: instants computed two ways may differ by a few. */
    static final Duration ROUNDING = Duration.ofMillis(1);
    static final TemporalUnitOffset ROUNDING_OFFSET = new TemporalUnitWithinOffset(1, ChronoUnit.MILLIS);

    final long cameraId;
    final MovableClock clock;
    final Instant streamStart;
    final RecordingStreams.Stream stream = stream();
    private final RingPreEventBuffer buffer;
    private int next;

    CameraFeed(long cameraId, RingPreEventBuffer buffer, MovableClock clock) {
        this.cameraId = cameraId;
        this.buffer = buffer;
        this.clock = clock;
        this.streamStart = clock.instant();
        buffer.streamStarted(cameraId, stream.init());
    }

    static RecordingStreams.Stream stream() {
        return RecordingStreams.of("320x180", SECONDS);
    }

    static ClipProperties properties(int preSeconds, int postSeconds, DataSize bufferMax, Duration captureTimeout) {
        return new ClipProperties(Duration.ofSeconds(preSeconds), Duration.ofSeconds(postSeconds), bufferMax, null,
                captureTimeout, null);
    }

    /** Feeds the fragments that end at or before {@code seconds} into the stream. */
    void feedUntil(double seconds) {
        List<Mp4Fragment> fragments = stream.fragments();
        while (next < fragments.size() && endOf(fragments.get(next)) <= seconds + 1e-9) {
            Mp4Fragment fragment = fragments.get(next++);
            clock.set(at(endOf(fragment)));
            buffer.fragmentArrived(cameraId, fragment);
        }
    }

    /** The wall-clock instant {@code seconds} into the stream. */
    Instant at(double seconds) {
        return streamStart.plusNanos(Math.round(seconds * 1e9));
    }

    private double endOf(Mp4Fragment fragment) {
        Duration first = stream.fragments().getFirst().start();
        return fragment.start().plus(fragment.length()).minus(first).toNanos() / 1e9;
    }

    void end() {
        buffer.streamEnded(cameraId);
    }
}
