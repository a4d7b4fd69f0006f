package org.atalaya.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One finished segment file as the index knows it.
 *
 * @param cameraId  the camera it was recorded from
 * @param startedAt wall-clock time of its first frame (UTC)
 * @param endedAt   wall-clock time at which its last frame ends
 * @param bytes     the file's size
 * @param sha256    SHA-256 of the whole file
 * @param path      the file, absolute
 */
public record RecordedSegment(long cameraId, Instant startedAt, Instant endedAt, long bytes, byte[] sha256,
                              Path path) {

    public RecordedSegment {
        if (sha256.length != 32) throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
        if (endedAt.isBefore(startedAt)) throw new IllegalArgumentException("a segment cannot end before it starts");
        sha256 = sha256.clone();
        path = path.toAbsolutePath().normalize();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}
