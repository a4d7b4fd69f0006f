package org.atalaya.clip.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.atalaya.clip.ClipProperties;
import org.atalaya.clip.PreEventBuffer;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last seconds of every connected camera's stream, in memory: per camera the init segment and the fragments of
 * the last {@link ClipProperties#preEvent()} (plus {@link #LATE_REPORT_ALLOWANCE}) back to the keyframe before, within
 * {@link ClipProperties#bufferMaxBytes()}. Fed on the cameras' reading threads (the recorder's, or an analytics
 * connection's); event clips take from it and then follow the stream.
 */
@Component
class RingPreEventBuffer implements PreEventBuffer {

    /**
     * Kept beyond the pre-event time, so that an event reported a few seconds after it happened (an alarm panel, a
     * message queue) still gets its whole pre-event video.
     */
    static final Duration LATE_REPORT_ALLOWANCE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(RingPreEventBuffer.class);

    private final Map<Long, CameraRing> rings = new ConcurrentHashMap<>();
    private final ClipProperties properties;
    private final Clock clock;

    RingPreEventBuffer(ClipProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void streamStarted(long cameraId, Mp4InitSegment init) {
        try {
            CameraRing previous = rings.put(cameraId, new CameraRing(init, properties.preEvent().plus(LATE_REPORT_ALLOWANCE),
                    properties.bufferMaxBytes().toBytes()));
            if (previous != null) previous.stop("the camera's stream restarted");
        } catch (RuntimeException e) {
            log.warn("The pre-event buffer of camera {} could not take the start of its stream: {}", cameraId,
                    e.toString());
        }
    }

    @Override
    public void fragmentArrived(long cameraId, Mp4Fragment fragment) {
        try {
            CameraRing ring = rings.get(cameraId);
            if (ring != null) ring.add(new BufferedFragment(fragment, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("The pre-event buffer of camera {} could not take a fragment: {}", cameraId, e.toString());
        }
    }

    @Override
    public void streamEnded(long cameraId) {
        try {
            CameraRing ring = rings.remove(cameraId);
            if (ring != null) ring.stop("the camera's stream ended");
        } catch (RuntimeException e) {
            log.warn("The pre-event buffer of camera {} could not take the end of its stream: {}", cameraId,
                    e.toString());
        }
    }

    /**
     * Lets {@code follower} take the camera's stream from the keyframe at or before {@code from}.
     *
     * @return false when the camera is not connected (its stream is neither recorded nor analysed)
     */
    boolean follow(long cameraId, Instant from, StreamFollower follower) {
        CameraRing ring = rings.get(cameraId);
        return ring != null && ring.follow(from, follower);
    }

    /** How many bytes of the camera's video are kept; 0 when it is not connected. */
    long bytesKept(long cameraId) {
        CameraRing ring = rings.get(cameraId);
        return ring == null ? 0 : ring.bytes();
    }
}
