package org.atalaya.playback;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of playback and clip export.
 *
 * @param maxListRange   the longest span one request for a camera's list of recordings may cover
 * @param streamLength   how much video the player receives when the request names no end
 * @param maxVideoLength the longest span of video one playback stream or clip may cover
 * @param clipTimeout    how long ffmpeg may take to write one clip before it is stopped and the export fails
 * @param workPath       the folder for the temporary files of clip export (deleted once sent); empty for the
 *                       system's temporary folder
 * @param thumbnails     the still pictures shown when the pointer rests on the timeline
 */
@ConfigurationProperties("atalaya.playback")
public record PlaybackProperties(Duration maxListRange, Duration streamLength, Duration maxVideoLength,
                                 Duration clipTimeout, String workPath, Thumbnails thumbnails) {

    public PlaybackProperties {
        maxListRange = positiveOr(maxListRange, Duration.ofDays(7));
        streamLength = positiveOr(streamLength, Duration.ofMinutes(10));
        maxVideoLength = positiveOr(maxVideoLength, Duration.ofHours(1));
        clipTimeout = positiveOr(clipTimeout, Duration.ofMinutes(2));
        if (workPath == null) workPath = "";
        if (thumbnails == null) thumbnails = new Thumbnails(null, null, null, null, null);
    }

    /** The folder for temporary clip files. */
    public Path work() {
        return Path.of(workPath.isBlank() ? System.getProperty("java.io.tmpdir") : workPath).toAbsolutePath();
    }

    /**
     * The cache of timeline thumbnails: small JPEG pictures of recorded keyframes, kept on disk.
     *
     * @param path          the cache folder; empty for a folder {@code thumbnails} next to the recordings folder
     * @param maxSize       the most the cache may hold; the oldest pictures are deleted above it at each sweep
     * @param sweepInterval how often the cache is swept: pictures of deleted segment files are removed, then the
     *                      oldest above {@code maxSize}
     * @param timeout       how long ffmpeg may take to make one picture
     * @param auditMemory   how long the server remembers that a user's look at thumbnails of a camera's recorded
     *                      hour is audited, so hovering writes one audit entry, not one per picture
     */
    public record Thumbnails(String path, DataSize maxSize, Duration sweepInterval, Duration timeout,
                             Duration auditMemory) {

        public Thumbnails {
            if (path == null) path = "";
            if (maxSize == null || maxSize.toBytes() <= 0) maxSize = DataSize.ofMegabytes(200);
            sweepInterval = positiveOr(sweepInterval, Duration.ofMinutes(10));
            timeout = positiveOr(timeout, Duration.ofSeconds(10));
            auditMemory = positiveOr(auditMemory, Duration.ofHours(12));
        }

        /** The cache folder, given the recordings folder for the default. */
        public Path folder(Path recordings) {
            return (path.isBlank() ? recordings.resolveSibling("thumbnails") : Path.of(path)).toAbsolutePath()
                    .normalize();
        }
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
