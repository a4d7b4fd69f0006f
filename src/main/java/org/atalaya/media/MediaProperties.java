package org.atalaya.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How Atalaya runs ffmpeg and reads its output.
 *
 * @param binaryCache     where the ffmpeg and ffprobe executables (with their libraries) are unpacked from the
 *                        application on first use; read once per Java process
 * @param maxBoxSize      the largest MP4 box (and the largest fragment) accepted from ffmpeg's output; a larger one is
 *                        refused as malformed instead of being held in memory
 * @param noOutputTimeout a camera process that sends nothing for this long is restarted
 * @param restartDelays   how long to wait before each restart of a process that keeps failing; the last delay
 *                        repeats. A run that worked for {@code healthy-after} starts the sequence again
 * @param healthyAfter    a process that produced output for this long counts as healthy, so its next failure is
 *                        retried after the first delay again
 * @param quitGrace       how long a process may take to finish after being asked to quit ({@code q} on its input)
 *                        before it receives SIGTERM
 * @param terminateGrace  how long a process may take after SIGTERM before it is killed
 * @param errorLines      how many recent lines of a process's error output are kept to explain a failure
 * @param fragmentDuration a camera's fragmented MP4 output starts a new fragment at every keyframe and at least this
 *                         often; live viewers cannot see video sooner than one fragment after it was captured, so
 *                         this bounds live latency (recorded files get one small fragment header per fragment)
 */
@ConfigurationProperties("atalaya.media")
public record MediaProperties(
        String binaryCache,
        DataSize maxBoxSize,
        Duration noOutputTimeout,
        List<Duration> restartDelays,
        Duration healthyAfter,
        Duration quitGrace,
        Duration terminateGrace,
        int errorLines,
        Duration fragmentDuration) {

    public static final String DEFAULT_BINARY_CACHE = "data/cache/javacpp";

    public MediaProperties {
        if (binaryCache == null || binaryCache.isBlank()) binaryCache = DEFAULT_BINARY_CACHE;
        if (maxBoxSize == null || maxBoxSize.toBytes() <= 0) maxBoxSize = DataSize.ofMegabytes(64);
        noOutputTimeout = positiveOr(noOutputTimeout, Duration.ofSeconds(10));
        if (restartDelays == null || restartDelays.isEmpty()) {
            restartDelays = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
        restartDelays = List.copyOf(restartDelays);
        if (restartDelays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("atalaya.media.restart-delays must not be negative");
        }
        healthyAfter = positiveOr(healthyAfter, Duration.ofSeconds(60));
        quitGrace = positiveOr(quitGrace, Duration.ofSeconds(3));
        terminateGrace = positiveOr(terminateGrace, Duration.ofSeconds(3));
        if (errorLines <= 0) errorLines = 50;
        fragmentDuration = positiveOr(fragmentDuration, Duration.ofMillis(100));
    }

    /** The settings' defaults, for code that runs ffmpeg outside the application context. */
    public static MediaProperties defaults() {
        return new MediaProperties(null, null, null, null, null, null, null, 0, null);
    }

    /**
     * The ffmpeg output that {@link FragmentedMp4Reader} reads: fragmented MP4 on standard output, a fragment at every
     * keyframe and at least every {@code fragment-duration}.
     */
    public List<String> fragmentedMp4Output() {
        return List.of("-f", "mp4", "-movflags", "+frag_keyframe+empty_moov+default_base_moof",
                "-frag_duration", String.valueOf(fragmentDuration.toNanos() / 1000), "pipe:1");
    }

    public Path binaryCachePath() {
        return Path.of(binaryCache);
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
