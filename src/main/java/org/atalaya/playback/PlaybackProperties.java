package org.atalaya.playback;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of playback and clip export.
 *
 * @param maxListRange   the longest span one request for a camera's list of recordings may cover
 * @param streamLength   how much video the player receives when the request names no end
 * @param maxVideoLength the longest span of video one playback stream or clip may cover
 * @param consoleHistory how far back the console's playback page lists a camera's recorded ranges
 * @param clipTimeout    how long ffmpeg may take to write one clip before it is stopped and the export fails
 * @param workPath       the folder for the temporary files of clip export (deleted once sent); empty for the
 *                       system's temporary folder
 */
@ConfigurationProperties("atalaya.playback")
public record PlaybackProperties(Duration maxListRange, Duration streamLength, Duration maxVideoLength,
                                 Duration consoleHistory, Duration clipTimeout, String workPath) {

    public PlaybackProperties {
        maxListRange = positiveOr(maxListRange, Duration.ofDays(7));
        streamLength = positiveOr(streamLength, Duration.ofMinutes(10));
        maxVideoLength = positiveOr(maxVideoLength, Duration.ofHours(1));
        consoleHistory = positiveOr(consoleHistory, Duration.ofHours(6));
        clipTimeout = positiveOr(clipTimeout, Duration.ofMinutes(2));
        if (workPath == null) workPath = "";
    }

    /** The folder for temporary clip files. */
    public Path work() {
        return Path.of(workPath.isBlank() ? System.getProperty("java.io.tmpdir") : workPath).toAbsolutePath();
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
