package org.atalaya.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;

/**
 * Writes one camera's fragmented MP4 stream into segment files: the init segment, then fragments, with a new file at
 * the first keyframe fragment after the segment length. The open file is named {@code <start-epoch-ms>.mp4.part} and
 * becomes {@code .mp4} once closed, synced and renamed; only then is it indexed. Times come from the fragments'
 * decode times, anchored to the wall clock when the first fragment arrived. Not thread-safe: one thread per camera.
 */
public final class SegmentWriter implements AutoCloseable {

    private final long cameraId;
    private final Path storage;
    private final Duration segmentLength;
    private final Duration flushInterval;
    private final Clock clock;
    private final SegmentIndex index;
    private Mp4InitSegment initSegment;
    private Instant wallClockAnchor;
    private Duration streamTimeAnchor;
    /** Where the last fragment of this stream that was written (or dropped before a keyframe) ends. */
    private Duration streamEnd;
    private OpenSegment open;

    /**
     * @param storage       the recordings folder; this camera's files go under {@code <storage>/<cameraId>/}
     * @param segmentLength a new file starts at the first keyframe after this much video
     * @param flushInterval the open file is forced to disk at least this often
     */
    public SegmentWriter(long cameraId, Path storage, Duration segmentLength, Duration flushInterval, Clock clock,
                         SegmentIndex index) {
        this.cameraId = cameraId;
        this.storage = storage.toAbsolutePath().normalize();
        this.segmentLength = segmentLength;
        this.flushInterval = flushInterval;
        this.clock = clock;
        this.index = index;
    }

    /** Starts a new stream: closes the open file, if any, and uses this init segment for the files that follow. */
    public void start(Mp4InitSegment init) {
        finishSegment();
        initSegment = init;
        wallClockAnchor = null;
        streamEnd = null;
    }

    /** The wall-clock time at which this stream's first fragment arrived; empty before it. */
    public Optional<Instant> streamStartedAt() {
        return Optional.ofNullable(wallClockAnchor);
    }

    /** The wall-clock time up to which this stream has been handled; empty before its first fragment. */
    public Optional<Instant> streamEndedAt() {
        return Optional.ofNullable(streamEnd).map(this::wallClock);
    }

    /**
     * Appends a fragment, first closing the open file and opening a new one when this fragment starts with a keyframe
     * and the open file holds at least the segment length. Fragments before the first keyframe are dropped: a file
     * must start where a player can.
     *
     * @throws RecordingWriteException when the file cannot be written; the open file is abandoned (the reconciler
     *                                 repairs it at the next start) and the next keyframe starts a new one
     */
    public void write(Mp4Fragment fragment) {
        if (initSegment == null) throw new IllegalStateException("start() must be given the init segment first");
        if (wallClockAnchor == null) {
            wallClockAnchor = clock.instant();
            streamTimeAnchor = fragment.start();
        }
        if (open != null && fragment.startsWithKeyframe()
                && fragment.start().minus(open.streamStart).compareTo(segmentLength) >= 0) {
            finishSegment();
        }
        if (open == null) {
            if (!fragment.startsWithKeyframe()) {
                streamEnd = fragment.start().plus(fragment.length());
                return;
            }
            open = openSegment(fragment.start());
        }
        try {
            open.append(fragment.content());
            open.streamEnd = fragment.start().plus(fragment.length());
            streamEnd = open.streamEnd;
            Instant now = clock.instant();
            if (!now.isBefore(open.lastFlush.plus(flushInterval))) {
                open.channel.force(false);
                open.lastFlush = now;
            }
        } catch (IOException e) {
            throw abandon(e);
        }
    }

    /** Closes, renames and indexes the open file, if any. */
    @Override
    public void close() {
        finishSegment();
    }

    private OpenSegment openSegment(Duration streamStart) {
        Instant startedAt = wallClock(streamStart);
        Path folder = SegmentFiles.folder(storage, cameraId, startedAt);
        Path file = folder.resolve(startedAt.toEpochMilli() + SegmentFiles.PART);
        try {
            Files.createDirectories(folder);
            OpenSegment segment = new OpenSegment(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), streamStart, clock.instant());
            open = segment;
            segment.append(initSegment.content());
            return segment;
        } catch (IOException e) {
            throw abandon(e);
        }
    }

    private void finishSegment() {
        if (open == null) return;
        OpenSegment segment = open;
        try {
            segment.channel.force(true);
            segment.channel.close();
            Path finished = SegmentFiles.finishedName(segment.file);
            Files.move(segment.file, finished, StandardCopyOption.ATOMIC_MOVE);
            SegmentFiles.syncFolder(finished.getParent());
            open = null;
            index.add(new RecordedSegment(cameraId, wallClock(segment.streamStart), wallClock(segment.streamEnd),
                    segment.bytes, segment.digest.digest(), finished));
        } catch (IOException e) {
            throw abandon(e);
        }
    }

    private RecordingWriteException abandon(IOException cause) {
        OpenSegment segment = open;
        open = null;
        String file = segment == null ? "a new segment" : segment.file.getFileName().toString();
        if (segment != null) {
            try {
                segment.channel.close();
            } catch (IOException ignored) {
                // the write already failed; that failure is the one reported
            }
        }
        return new RecordingWriteException("Could not write the recording of camera " + cameraId + " (" + file
                + " in " + storage + "): " + cause.getMessage(), cause);
    }

    private Instant wallClock(Duration streamTime) {
        return wallClockAnchor.plus(streamTime.minus(streamTimeAnchor));
    }

    /** The file being written. */
    private static final class OpenSegment {
        final Path file;
        final FileChannel channel;
        final Duration streamStart;
        final MessageDigest digest = sha256();
        Duration streamEnd;
        Instant lastFlush;
        long bytes;

        OpenSegment(Path file, FileChannel channel, Duration streamStart, Instant opened) {
            this.file = file;
            this.channel = channel;
            this.streamStart = streamStart;
            this.streamEnd = streamStart;
            this.lastFlush = opened;
        }

        void append(ByteBuffer content) throws IOException {
            digest.update(content.duplicate());
            while (content.hasRemaining()) bytes += channel.write(content);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
