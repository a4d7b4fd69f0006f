package org.atalaya.playback.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.atalaya.media.FfmpegBinaries;
import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.ProcessLauncher;
import org.atalaya.playback.PlaybackProperties;
import org.atalaya.recording.RecordedSegment;
import org.atalaya.recording.RecordingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Small JPEG pictures of recorded keyframes for the timeline, made by ffmpeg from the segment file and kept on disk.
 * An instant is moved back to the keyframe at or before it, so every instant of one group of pictures shares one
 * file. The cache holds a folder per segment file, {@code <camera>/<segment name>-<path digest>/}, with the
 * segment's path written in it, and one {@code <keyframe epoch ms>.jpg} per keyframe; the sweep removes the folders
 * of segment files that are gone, then the oldest pictures above the size limit.
 */
@Component
class Thumbnails {

    static final int WIDTH = 160;
    private static final String SOURCE = "source.txt";
    private static final String PICTURE = ".jpg";
    /** How many segment files' keyframe times are remembered, so a hover does not read the segment file again. */
    private static final int REMEMBERED_SEGMENTS = 256;

    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

    /** @param keyframe the wall-clock time of the keyframe pictured */
    record Thumbnail(Path file, Instant keyframe) {
    }

    /** What one sweep removed: pictures of deleted segment files, and the oldest pictures above the size limit. */
    record Sweep(int ofDeletedSegments, int forSize) {
    }

    private final Path folder;
    private final PlaybackProperties.Thumbnails properties;
    private final FfmpegBinaries binaries;
    private final ProcessLauncher launcher;
    private final long maxBox;
    private final Map<Path, List<Duration>> keyframeOffsets = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Path, List<Duration>> eldest) {
                    return size() > REMEMBERED_SEGMENTS;
                }
            });

    Thumbnails(PlaybackProperties playback, RecordingProperties recording, FfmpegBinaries binaries,
               ProcessLauncher launcher, MediaProperties media) {
        this.properties = playback.thumbnails();
        this.folder = properties.folder(recording.storage());
        this.binaries = binaries;
        this.launcher = launcher;
        this.maxBox = media.maxBoxSize().toBytes();
    }

    /** The cache folder. */
    Path folder() {
        return folder;
    }

    /**
     * The picture of the keyframe at or before {@code at} in {@code segment} (its first keyframe when {@code at}
     * comes earlier), made now unless the cache has it.
     */
    Thumbnail of(RecordedSegment segment, Instant at) throws IOException {
        List<Duration> offsets = keyframeOffsets(segment);
        Duration wanted = Duration.between(segment.startedAt(), at);
        Duration offset = offsets.getFirst();
        for (Duration candidate : offsets) {
            if (candidate.compareTo(wanted) > 0) break;
            offset = candidate;
        }
        Instant keyframe = segment.startedAt().plus(offset);
        Path segmentFolder = folder.resolve(Long.toString(segment.cameraId())).resolve(segmentKey(segment.path()));
        Path picture = segmentFolder.resolve(keyframe.toEpochMilli() + PICTURE);
        if (!Files.isRegularFile(picture)) make(segment, offset, segmentFolder, picture);
        return new Thumbnail(picture, keyframe);
    }

    private void make(RecordedSegment segment, Duration offset, Path segmentFolder, Path picture) throws IOException {
        Files.createDirectories(segmentFolder);
        Path source = segmentFolder.resolve(SOURCE);
        if (!Files.exists(source)) Files.writeString(source, segment.path().toString(), StandardCharsets.UTF_8);
        Path making = Files.createTempFile(segmentFolder, "making-", ".part");
        try {
            List<String> command = List.of(binaries.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y",
                    "-ss", String.format(Locale.ROOT, "%.3f", offset.toMillis() / 1000.0),
                    "-i", segment.path().toString(), "-map", "0:v:0", "-frames:v", "1",
                    "-vf", "scale=" + WIDTH + ":-2", "-q:v", "5", "-f", "image2", "-c:v", "mjpeg", making.toString());
            FfmpegRun.run(launcher, "thumbnail camera " + segment.cameraId(), command, properties.timeout());
            if (Files.size(making) == 0) throw new IOException("ffmpeg wrote no picture");
            Files.move(making, picture, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(making);
        }
    }

    /** Where each keyframe of the segment file starts, from the start of its first fragment. */
    private List<Duration> keyframeOffsets(RecordedSegment segment) throws IOException {
        List<Duration> known = keyframeOffsets.get(segment.path());
        if (known != null) return known;
        List<Duration> found = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(segment.path()), 1 << 16)) {
            FragmentedMp4Reader reader = new FragmentedMp4Reader(in, maxBox);
            Duration first = null;
            Optional<Mp4Fragment> next;
            while ((next = reader.nextFragment()).isPresent()) {
                Mp4Fragment fragment = next.get();
                if (first == null) first = fragment.start();
                if (fragment.startsWithKeyframe()) found.add(fragment.start().minus(first));
            }
        }
        if (found.isEmpty()) throw new IOException("the segment " + segment.path() + " holds no keyframe");
        List<Duration> offsets = List.copyOf(found);
        keyframeOffsets.put(segment.path(), offsets);
        return offsets;
    }

    /** Removes the pictures of segment files that no longer exist, then the oldest pictures above the limit. */
    Sweep sweep() throws IOException {
        if (!Files.isDirectory(folder)) return new Sweep(0, 0);
        int ofDeleted = 0;
        List<Path> segmentFolders;
        try (Stream<Path> found = Files.find(folder, 2, (path, attributes) -> attributes.isDirectory()
                && path.getNameCount() == folder.getNameCount() + 2)) {
            segmentFolders = found.toList();
        }
        for (Path segmentFolder : segmentFolders) {
            Path source = segmentFolder.resolve(SOURCE);
            if (Files.isRegularFile(source) && Files.exists(Path.of(Files.readString(source, StandardCharsets.UTF_8)))) {
                continue;
            }
            ofDeleted += deleteFolder(segmentFolder);
        }
        return new Sweep(ofDeleted, evictOldest());
    }

    private int evictOldest() throws IOException {
        record Picture(Path path, long bytes, FileTime made) {
        }
        List<Picture> pictures = new ArrayList<>();
        try (Stream<Path> found = Files.find(folder, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().endsWith(PICTURE))) {
            for (Path path : found.toList()) {
                try {
                    pictures.add(new Picture(path, Files.size(path), Files.getLastModifiedTime(path)));
                } catch (IOException gone) {
                    log.debug("A thumbnail went while the cache was swept: {}", gone.getMessage());
                }
            }
        }
        long total = pictures.stream().mapToLong(Picture::bytes).sum();
        long limit = properties.maxSize().toBytes();
        int removed = 0;
        pictures.sort(Comparator.comparing(Picture::made));
        for (Picture picture : pictures) {
            if (total <= limit) break;
            if (Files.deleteIfExists(picture.path())) removed++;
            total -= picture.bytes();
        }
        return removed;
    }

    private static int deleteFolder(Path segmentFolder) throws IOException {
        int pictures = 0;
        try (Stream<Path> files = Files.list(segmentFolder)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(PICTURE)) pictures++;
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(segmentFolder);
        return pictures;
    }

    private static String segmentKey(Path segment) {
        String name = segment.getFileName().toString().replaceFirst("\\.mp4$", "").replaceAll("[^A-Za-z0-9_-]", "_");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(segment.toString().getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
