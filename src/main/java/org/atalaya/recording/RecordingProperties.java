package org.atalaya.recording;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how camera video is recorded.
 *
 * @param storagePath    the folder holding the segment files, laid out as
 *                       {@code <camera-id>/<yyyy>/<mm>/<dd>/<HH>/<start-epoch-ms>.mp4} (UTC)
 * @param segmentSeconds a new segment file starts at the first keyframe after this many seconds of video
 * @param flushInterval  the open segment is forced to disk at least this often, bounding what a power loss can take
 * @param enabled        whether this server records the cameras that are set to record (on by default); off, it
 *                       records none, e.g. a node that only serves the console
 */
@ConfigurationProperties("atalaya.recording")
public record RecordingProperties(String storagePath, int segmentSeconds, Duration flushInterval, Boolean enabled) {

    public RecordingProperties {
        if (enabled == null) enabled = true;
        if (storagePath == null || storagePath.isBlank()) storagePath = "data/recordings";
        if (segmentSeconds <= 0) segmentSeconds = 60;
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
            flushInterval = Duration.ofSeconds(1);
        }
    }

    public Path storage() {
        return Path.of(storagePath).toAbsolutePath().normalize();
    }

    public Duration segmentLength() {
        return Duration.ofSeconds(segmentSeconds);
    }
}
