package org.atalaya.playback.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;
import org.atalaya.recording.RecordedSegment;

/**
 * Recorded video from segment files as one fragmented MP4 stream that a browser's {@code <video>} plays: the init
 * segment once, then the fragments from the keyframe at or before the start, through the following segments, up to
 * the end. Decode times are rewritten onto one timeline that starts at zero at the first keyframe and follows the
 * wall clock, so a gap between segments is a jump in time, not a jump back. The stream ends early where a segment's
 * init segment differs from the first one (the camera's stream changed): a player cannot continue across that.
 * The first segment file is read when the start is first asked for ({@link #firstKeyframe()}), so an unreadable
 * file can be reported before any byte is sent. Not thread-safe.
 */
final class RecordedStream {

    /** Segment times are stored rounded; a smaller step between segments is the rounding, not a gap. */
    private static final Duration CONTINUOUS = Duration.ofMillis(100);

    private final List<RecordedSegment> segments;
    private final Instant start;
    private final Instant end;
    private final long maxBox;
    private StartPoint startPoint;

    /**
     * @param segments the segment files overlapping the range, oldest first (see {@code SegmentIndex.covering})
     * @param start    the instant wanted first; the stream starts at the keyframe at or before it
     * @param end      fragments that start at or after this instant are not sent
     * @param maxBox   the largest box accepted from a segment file
     */
    RecordedStream(List<RecordedSegment> segments, Instant start, Instant end, long maxBox) {
        if (segments.isEmpty()) throw new IllegalArgumentException("a stream needs at least one segment");
        this.segments = List.copyOf(segments);
        this.start = start;
        this.end = end;
        this.maxBox = maxBox;
    }

    /** Where the stream starts: the wall-clock time of its first keyframe. */
    Instant firstKeyframe() throws IOException {
        if (startPoint == null) startPoint = findStartPoint();
        return startPoint.wallClock();
    }

    /** The codec of the stream's video as a media type names it, e.g. {@code avc1.64001f}. */
    String codec() throws IOException {
        if (startPoint == null) startPoint = findStartPoint();
        return startPoint.codec();
    }

    void writeTo(OutputStream out) throws IOException {
        firstKeyframe();
        WritableByteChannel channel = Channels.newChannel(out);
        Mp4InitSegment firstInit = null;
        long nextDecodeTime = 0;
        for (int i = 0; i < segments.size(); i++) {
            RecordedSegment segment = segments.get(i);
            try (InputStream in = open(segment)) {
                FragmentedMp4Reader reader = new FragmentedMp4Reader(in, maxBox);
                Mp4InitSegment init = reader.initSegment();
                if (firstInit == null) {
                    firstInit = init;
                    write(channel, init.content());
                } else if (!init.content().equals(firstInit.content())) {
                    return;
                }
                Long shift = null;
                Duration segmentStart = null;
                Optional<Mp4Fragment> next;
                while ((next = reader.nextFragment()).isPresent()) {
                    Mp4Fragment fragment = next.get();
                    if (segmentStart == null) segmentStart = fragment.start();
                    if (!wallClock(segment, segmentStart, fragment).isBefore(end)) return;
                    if (i == 0 && fragment.decodeTime() < startPoint.decodeTime()) continue;
                    if (shift == null) {
                        shift = i == 0 ? -fragment.decodeTime()
                                : shiftOf(segment, fragment, startPoint.wallClock(), nextDecodeTime);
                    }
                    write(channel, DecodeTimes.shifted(fragment.content(), shift, firstInit));
                    nextDecodeTime = fragment.decodeTime() + fragment.duration() + shift;
                }
            }
            try {
                out.flush();
            } catch (IOException e) {
                throw new ReceiverGone(e);
            }
        }
    }

    /**
     * How far to move a segment's decode times so that its first fragment plays at its wall-clock time after the
     * stream's first keyframe, or right after the previous fragment when it follows on.
     */
    private static long shiftOf(RecordedSegment segment, Mp4Fragment first, Instant origin, long nextDecodeTime) {
        long timescale = first.timescale();
        long wanted = ticks(Duration.between(origin, segment.startedAt()), timescale);
        if (wanted - nextDecodeTime < ticks(CONTINUOUS, timescale)) wanted = nextDecodeTime;
        return wanted - first.decodeTime();
    }

    private static long ticks(Duration duration, long timescale) {
        return Math.round(duration.toNanos() / 1e9 * timescale);
    }

    /** The fragment of the first segment to start at: the last keyframe at or before {@code start}, else its first. */
    private StartPoint findStartPoint() throws IOException {
        RecordedSegment first = segments.getFirst();
        StartPoint found = null;
        try (InputStream in = open(first)) {
            FragmentedMp4Reader reader = new FragmentedMp4Reader(in, maxBox);
            String codec = reader.initSegment().primaryTrack().codec();
            Duration segmentStart = null;
            Optional<Mp4Fragment> next;
            while ((next = reader.nextFragment()).isPresent()) {
                Mp4Fragment fragment = next.get();
                if (segmentStart == null) segmentStart = fragment.start();
                Instant wallClock = wallClock(first, segmentStart, fragment);
                if (found != null && wallClock.isAfter(start)) break;
                if (fragment.startsWithKeyframe()) found = new StartPoint(fragment.decodeTime(), wallClock, codec);
            }
        }
        if (found == null) throw new IOException("the segment " + first.path() + " holds no keyframe");
        return found;
    }

    private static Instant wallClock(RecordedSegment segment, Duration segmentStart, Mp4Fragment fragment) {
        return segment.startedAt().plus(fragment.start().minus(segmentStart));
    }

    private static InputStream open(RecordedSegment segment) throws IOException {
        return new BufferedInputStream(Files.newInputStream(segment.path()), 1 << 16);
    }

    private static void write(WritableByteChannel channel, ByteBuffer bytes) throws ReceiverGone {
        try {
            while (bytes.hasRemaining()) channel.write(bytes);
        } catch (IOException e) {
            throw new ReceiverGone(e);
        }
    }

    /** Writing failed: whoever received the stream has gone (a viewer closed the player or chose another time). */
    static final class ReceiverGone extends IOException {

        ReceiverGone(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** @param decodeTime the fragment's decode time in its own segment file */
    private record StartPoint(long decodeTime, Instant wallClock, String codec) {
    }
}
