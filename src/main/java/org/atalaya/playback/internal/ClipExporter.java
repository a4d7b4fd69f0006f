package org.atalaya.playback.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.atalaya.media.FfmpegBinaries;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.MediaUnavailableException;
import org.atalaya.media.ProcessLauncher;
import org.atalaya.playback.PlaybackProperties;
import org.atalaya.recording.RecordedSegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a plain MP4 clip (index at the front, so it plays while it downloads) of a recorded range: the recorded
 * stream from the keyframe at or before the start is written to a private temporary file, and ffmpeg copies it,
 * without re-encoding, into the clip, cut at the end of the range. The caller deletes the clip once sent.
 */
@Component
class ClipExporter {

    private static final Logger log = LoggerFactory.getLogger(ClipExporter.class);

    private final FfmpegBinaries binaries;
    private final ProcessLauncher launcher;
    private final PlaybackProperties properties;
    private final MediaProperties media;

    ClipExporter(FfmpegBinaries binaries, ProcessLauncher launcher, PlaybackProperties properties,
                 MediaProperties media) {
        this.binaries = binaries;
        this.launcher = launcher;
        this.properties = properties;
        this.media = media;
    }

    /** @throws PlaybackProblem when the clip cannot be made; the reason is in the server log */
    Path export(long cameraId, List<RecordedSegment> segments, TimeRange range) {
        Path source = null;
        Path clip = null;
        try {
            Files.createDirectories(properties.work());
            source = Files.createTempFile(properties.work(), "atalaya-clip-source-", ".mp4");
            clip = Files.createTempFile(properties.work(), "atalaya-clip-", ".mp4");
            RecordedStream stream = new RecordedStream(segments, range.from(), range.to(),
                    media.maxBoxSize().toBytes());
            Instant firstKeyframe = stream.firstKeyframe();
            try (OutputStream out = Files.newOutputStream(source)) {
                stream.writeTo(out);
            }
            remux(cameraId, source, clip, Duration.between(firstKeyframe, range.to()));
            return clip;
        } catch (IOException | MediaUnavailableException | PlaybackProblem e) {
            log.error("Could not make a clip of camera {} from {} to {}: {}", cameraId, range.from(), range.to(),
                    e.getMessage());
            deleteQuietly(clip);
            throw e instanceof PlaybackProblem problem ? problem : PlaybackProblem.exportFailed();
        } finally {
            deleteQuietly(source);
        }
    }

    private void remux(long cameraId, Path source, Path clip, Duration length) throws IOException {
        List<String> command = List.of(binaries.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-i", source.toString(), "-map", "0:v", "-c", "copy", "-t", seconds(length),
                "-movflags", "+faststart", "-f", "mp4", clip.toString());
        FfmpegRun.run(launcher, "clip camera " + cameraId, command, properties.clipTimeout());
        if (Files.size(clip) == 0) throw new IOException("ffmpeg wrote an empty clip");
    }

    private static String seconds(Duration length) {
        return String.format(Locale.ROOT, "%.3f", length.toNanos() / 1e9);
    }

    static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary clip file {}: {}", file, e.getMessage());
        }
    }
}
