package org.atalaya.recording;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.Mp4FormatException;
import org.atalaya.media.Mp4Fragment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings a recordings folder and the index back in line after a crash or a manual change: an open {@code .part} file
 * is cut back to its last whole fragment, renamed and indexed (or deleted when it holds no whole fragment); a finished
 * file without an index row is indexed; a row whose file is gone is marked missing. Running it twice changes nothing
 * the second time. Must not run while a {@link SegmentWriter} writes into the same folder.
 */
@Component
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final SegmentIndex index;
    private final long maxBoxSize;

    public Reconciler(SegmentIndex index, MediaProperties media) {
        this.index = index;
        this.maxBoxSize = media.maxBoxSize().toBytes();
    }

    /**
     * What one pass changed.
     *
     * @param repaired open files cut back, renamed and indexed
     * @param deleted  open files that held no whole fragment and were removed
     * @param indexed  finished files that had no index row
     * @param missing  index rows whose file is gone
     */
    public record Outcome(int repaired, int deleted, int indexed, int missing) {
    }

    public Outcome reconcile(Path storage) throws IOException {
        Path root = storage.toAbsolutePath().normalize();
        int repaired = 0;
        int deleted = 0;
        int indexed = 0;
        if (Files.isDirectory(root)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).filter(file -> SegmentFiles.startOf(file) != null)
                        .sorted().toList();
            }
            Set<Path> indexedFiles = index.indexedFilesUnder(root);
            for (Path file : files) {
                Optional<Long> camera = cameraOf(root, file);
                if (camera.isEmpty()) continue;
                if (file.getFileName().toString().endsWith(SegmentFiles.PART)) {
                    if (repair(camera.get(), file)) repaired++;
                    else deleted++;
                } else if (!indexedFiles.contains(file) && indexFinished(camera.get(), file)) {
                    indexed++;
                }
            }
        }
        int missing = 0;
        for (Path file : index.completeFilesUnder(root)) {
            if (!Files.exists(file) && index.markMissing(file)) missing++;
        }
        Outcome outcome = new Outcome(repaired, deleted, indexed, missing);
        if (!outcome.equals(new Outcome(0, 0, 0, 0))) log.info("Recordings in {} reconciled: {}", root, outcome);
        return outcome;
    }

    private boolean repair(long cameraId, Path part) throws IOException {
        Optional<Contents> contents = wholeFragments(part);
        if (contents.isEmpty()) {
            Files.delete(part);
            log.warn("Removed {}: it holds no whole fragment of video", part);
            return false;
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.truncate(contents.get().length());
            channel.force(true);
        }
        Path finished = SegmentFiles.finishedName(part);
        Files.move(part, finished, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        SegmentFiles.syncFolder(finished.getParent());
        index.add(segment(cameraId, finished, contents.get()));
        return true;
    }

    private boolean indexFinished(long cameraId, Path file) throws IOException {
        Optional<Contents> contents = wholeFragments(file);
        if (contents.isEmpty()) {
            log.warn("Left {} unindexed: it holds no whole fragment of video", file);
            return false;
        }
        index.add(segment(cameraId, file, contents.get()));
        return true;
    }

    private static RecordedSegment segment(long cameraId, Path file, Contents contents) throws IOException {
        MessageDigest digest = SegmentWriter.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        Instant startedAt = SegmentFiles.startOf(file);
        return new RecordedSegment(cameraId, startedAt, startedAt.plus(contents.duration()), Files.size(file),
                digest.digest(), file);
    }

    /** Where the last whole fragment ends and how long the whole fragments play; empty when there is none. */
    private Optional<Contents> wholeFragments(Path file) throws IOException {
        try (CountingStream in = new CountingStream(new BufferedInputStream(Files.newInputStream(file)))) {
            FragmentedMp4Reader reader = new FragmentedMp4Reader(in, maxBoxSize);
            Duration first = null;
            Duration end = null;
            long length = 0;
            try {
                Optional<Mp4Fragment> fragment;
                while ((fragment = reader.nextFragment()).isPresent()) {
                    if (first == null) first = fragment.get().start();
                    end = fragment.get().start().plus(fragment.get().length());
                    length = in.count;
                }
            } catch (Mp4FormatException | EOFException e) {
                log.debug("{} ends in an incomplete or unreadable box: {}", file, e.getMessage());
            }
            return first == null ? Optional.empty() : Optional.of(new Contents(length, end.minus(first)));
        }
    }

    private static Optional<Long> cameraOf(Path root, Path file) {
        String first = root.relativize(file).getName(0).toString();
        if (first.isEmpty() || first.length() > 18 || !first.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(first));
    }

    private record Contents(long length, Duration duration) {
    }

    /** Counts the bytes the reader has taken, so the end of its last whole fragment is known. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) count++;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) count += read;
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
