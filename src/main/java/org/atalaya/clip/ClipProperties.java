package org.atalaya.clip;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Event clips: how much video before and after an event a clip holds, and where clips are kept.
 *
 * @param preEvent       how much video before the event a clip starts with (from the keyframe at or before it); the
 *                       pre-event buffer keeps this much of every connected camera
 * @param postEvent      how much video after the event a clip holds
 * @param bufferMaxBytes the most the pre-event buffer keeps of one camera; above it the oldest keyframe groups are
 *                       dropped first, so a camera with a very high bitrate gets a shorter pre-event part
 * @param clipMaxBytes   the most one clip may hold; a clip that reaches it is written with what it has
 * @param captureTimeout how long after the end of its post-event part a clip still waits for video (a stalled
 *                       camera) before it is written with what it has
 * @param storagePath    the folder holding the clip files, laid out as
 *                       {@code <camera-id>/<yyyy>/<mm>/<dd>/<clip-id>.mp4} (UTC); empty for a folder {@code clips}
 *                       inside the recordings folder
 */
@ConfigurationProperties("atalaya.clip")
public record ClipProperties(Duration preEvent, Duration postEvent, DataSize bufferMaxBytes, DataSize clipMaxBytes,
                             Duration captureTimeout, String storagePath) {

    public ClipProperties {
        if (preEvent == null || preEvent.isNegative()) preEvent = Duration.ofSeconds(10);
        postEvent = positiveOr(postEvent, Duration.ofSeconds(20));
        if (bufferMaxBytes == null || bufferMaxBytes.toBytes() <= 0) bufferMaxBytes = DataSize.ofMegabytes(16);
        if (clipMaxBytes == null || clipMaxBytes.toBytes() <= 0) clipMaxBytes = DataSize.ofMegabytes(64);
        captureTimeout = positiveOr(captureTimeout, Duration.ofSeconds(30));
        if (storagePath == null) storagePath = "";
    }

    /** The clips folder, given the recordings folder for the default. */
    public Path storage(Path recordings) {
        return (storagePath.isBlank() ? recordings.resolve("clips") : Path.of(storagePath)).toAbsolutePath()
                .normalize();
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
