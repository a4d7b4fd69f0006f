package org.atalaya.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.atalaya.media.internal.Box;
import org.atalaya.media.internal.FragmentParser;
import org.atalaya.media.internal.FragmentParser.FragmentTiming;
import org.atalaya.media.internal.MovieParser;
import org.atalaya.media.internal.MovieParser.Movie;

/**
 * Splits a fragmented MP4 stream, such as ffmpeg's output with {@code -movflags +frag_keyframe+empty_moov}, into its
 * init segment and its fragments. Boxes between fragments ({@code styp}, {@code sidx}, {@code prft}, {@code free},
 * {@code mfra} and unknown ones) are skipped.
 *
 * <p>The input is not trusted: no box, and no fragment ({@code moof} with its {@code mdat}), may be larger than
 * {@code maxBoxSize}, and memory is only allocated for boxes within that limit. Every problem is an
 * {@link Mp4FormatException} that names the box and its offset; after one, the reader cannot continue. Not
 * thread-safe: one thread reads a stream.
 */
public final class FragmentedMp4Reader {

    private static final int SMALLEST_LIMIT = 1024;
    private static final int LARGEST_LIMIT = Integer.MAX_VALUE - 64;
    private static final int HEADER = 8;
    private static final int LARGE_HEADER = 16;

    private final InputStream in;
    private final long maxBoxSize;
    private final byte[] scratch = new byte[8192];
    private final Map<Integer, Long> nextDecodeTime = new HashMap<>();
    private long position;
    private Mp4InitSegment initSegment;
    private Movie movie;

    /**
     * @param in         the stream, read as far as needed for each call and never closed here
     * @param maxBoxSize the largest box or fragment accepted, in bytes (at least 1024, below 2 GiB)
     */
    public FragmentedMp4Reader(InputStream in, long maxBoxSize) {
        if (maxBoxSize < SMALLEST_LIMIT || maxBoxSize > LARGEST_LIMIT) {
            throw new IllegalArgumentException("the box size limit must be between 1 KiB and 2 GiB");
        }
        this.in = in;
        this.maxBoxSize = maxBoxSize;
    }

    /** The init segment, reading it first if no call has done so yet. */
    public Mp4InitSegment initSegment() throws IOException {
        if (initSegment == null) readInitSegment();
        return initSegment;
    }

    /** The next fragment, or empty when the stream ended cleanly between boxes. Reads the init segment first. */
    public Optional<Mp4Fragment> nextFragment() throws IOException {
        initSegment();
        while (true) {
            Header header = readHeader();
            if (header == null) return Optional.empty();
            switch (header.type) {
                case "moof" -> {
                    return Optional.of(readFragment(header));
                }
                case "ftyp", "moov" -> throw new Mp4FormatException("a second init segment starts with "
                        + header.describe() + "; the stream changed and must be read from its start");
                default -> skip(header);
            }
        }
    }

    private void readInitSegment() throws IOException {
        byte[] ftyp = new byte[0];
        while (true) {
            Header header = readHeader();
            if (header == null) {
                throw new Mp4FormatException("the stream ended at offset " + position
                        + " before its init segment ('moov')");
            }
            switch (header.type) {
                case "ftyp" -> ftyp = readWhole(header);
                case "moov" -> {
                    byte[] moov = readWhole(header);
                    movie = MovieParser.parse(Box.whole(moov, header.offset));
                    byte[] content = Arrays.copyOf(ftyp, ftyp.length + moov.length);
                    System.arraycopy(moov, 0, content, ftyp.length, moov.length);
                    initSegment = new Mp4InitSegment(ByteBuffer.wrap(content), movie.tracks());
                    return;
                }
                case "moof", "mdat" -> throw new Mp4FormatException("the " + header.describe()
                        + " comes before the init segment ('moov')");
                default -> skip(header);
            }
        }
    }

    private Mp4Fragment readFragment(Header moofHeader) throws IOException {
        if (moofHeader.runsToEnd()) {
            throw new Mp4FormatException("the " + moofHeader.describe()
                    + " runs to the end of the stream, leaving no room for its 'mdat'");
        }
        byte[] moof = readWhole(moofHeader);
        int primaryTrack = initSegment.primaryTrack().id();
        FragmentTiming timing = FragmentParser.parse(Box.whole(moof, moofHeader.offset), movie, primaryTrack);
        Header mdat = nextMdatAfter(moofHeader);
        byte[] content;
        if (mdat.runsToEnd()) {
            content = readToEnd(mdat, moof);
        } else {
            long total = moof.length + mdat.size;
            if (total > maxBoxSize) {
                throw new Mp4FormatException("the fragment at offset " + moofHeader.offset + " ('moof' and 'mdat') "
                        + "declares " + total + " bytes, more than the limit " + maxBoxSize);
            }
            content = Arrays.copyOf(moof, (int) total);
            System.arraycopy(mdat.bytes, 0, content, moof.length, mdat.bytes.length);
            readBody(mdat, content, moof.length + mdat.bytes.length);
        }
        return describe(timing, content);
    }

    private Header nextMdatAfter(Header moof) throws IOException {
        while (true) {
            Header next = readHeader();
            if (next == null) {
                throw new Mp4FormatException("the stream ended at offset " + position + " after the "
                        + moof.describe() + ", before its 'mdat'");
            }
            switch (next.type) {
                case "mdat" -> {
                    return next;
                }
                case "free", "skip" -> skip(next);
                default -> throw new Mp4FormatException("the " + moof.describe() + " is followed by "
                        + next.describe() + " instead of its 'mdat'");
            }
        }
    }

    private Mp4Fragment describe(FragmentTiming timing, byte[] content) throws Mp4FormatException {
        long decodeTime = timing.decodeTime() >= 0
                ? timing.decodeTime()
                : nextDecodeTime.getOrDefault(timing.trackId(), 0L);
        try {
            nextDecodeTime.put(timing.trackId(), Math.addExact(decodeTime, timing.duration()));
        } catch (ArithmeticException e) {
            throw new Mp4FormatException("the fragment ending at offset " + position + " has an impossible time");
        }
        return new Mp4Fragment(ByteBuffer.wrap(content), timing.sequenceNumber(), timing.trackId(),
                timing.startsWithKeyframe(), decodeTime, timing.duration(),
                movie.track(timing.trackId()).timescale());
    }

    /** The next box header, or null when the stream ends exactly between boxes. */
    private Header readHeader() throws IOException {
        long offset = position;
        byte[] bytes = new byte[HEADER];
        int read = in.readNBytes(bytes, 0, HEADER);
        position += read;
        if (read == 0) return null;
        if (read < HEADER) throw endedInHeader(offset);
        long size = Box.readUnsigned32(bytes, 0);
        String type = Box.fourcc(bytes, 4);
        boolean runsToEnd = size == 0;
        if (size == 1) {
            bytes = Arrays.copyOf(bytes, LARGE_HEADER);
            read = in.readNBytes(bytes, HEADER, HEADER);
            position += read;
            if (read < HEADER) throw endedInHeader(offset);
            size = Box.readSigned64(bytes, 8);
            if (size < 0) size = Long.MAX_VALUE;
        }
        if (!runsToEnd && size < bytes.length) {
            throw new Mp4FormatException("box '" + type + "' at offset " + offset + " declares " + size
                    + " bytes, less than its own header");
        }
        if (size > maxBoxSize) {
            throw new Mp4FormatException("box '" + type + "' at offset " + offset + " declares " + size
                    + " bytes, more than the limit " + maxBoxSize);
        }
        return new Header(type, offset, bytes, runsToEnd ? -1 : size);
    }

    private Mp4FormatException endedInHeader(long offset) {
        return new Mp4FormatException("the stream ended at offset " + position
                + ", inside the header of a box at offset " + offset);
    }

    /** The whole box, header included; boxes that run to the end of the stream are read within the limit. */
    private byte[] readWhole(Header header) throws IOException {
        if (header.runsToEnd()) return readToEnd(header, new byte[0]);
        byte[] box = Arrays.copyOf(header.bytes, (int) header.size);
        readBody(header, box, header.bytes.length);
        return box;
    }

    private void readBody(Header header, byte[] target, int from) throws IOException {
        int wanted = target.length - from;
        int read = in.readNBytes(target, from, wanted);
        position += read;
        if (read < wanted) {
            throw new Mp4FormatException("the stream ended at offset " + position + ", inside the "
                    + header.describe() + " that declares " + header.size + " bytes");
        }
    }

    /** {@code prefix} followed by the box {@code header} that runs to the end of the stream. */
    private byte[] readToEnd(Header header, byte[] prefix) throws IOException {
        int length = prefix.length + header.bytes.length;
        if (length > maxBoxSize) throw longerThanLimit(header);
        byte[] content = Arrays.copyOf(prefix, (int) Math.min(maxBoxSize, Math.max(length, 64 * 1024)));
        System.arraycopy(header.bytes, 0, content, prefix.length, header.bytes.length);
        while (true) {
            if (length == content.length) {
                if (length == maxBoxSize) {
                    if (in.read() < 0) return content;
                    throw longerThanLimit(header);
                }
                content = Arrays.copyOf(content, (int) Math.min(maxBoxSize, 2L * length));
            }
            int read = in.read(content, length, content.length - length);
            if (read < 0) return Arrays.copyOf(content, length);
            position += read;
            length += read;
        }
    }

    private Mp4FormatException longerThanLimit(Header header) {
        return new Mp4FormatException("the " + header.describe()
                + " runs to the end of the stream and is longer than the limit " + maxBoxSize);
    }

    private void skip(Header header) throws IOException {
        if (header.runsToEnd()) {
            int read;
            while ((read = in.read(scratch)) >= 0) position += read;
            return;
        }
        long remaining = header.size - header.bytes.length;
        while (remaining > 0) {
            int read = in.read(scratch, 0, (int) Math.min(scratch.length, remaining));
            if (read < 0) {
                throw new Mp4FormatException("the stream ended at offset " + position + ", inside the "
                        + header.describe() + " that declares " + header.size + " bytes");
            }
            position += read;
            remaining -= read;
        }
    }

    /**
     * A box header as read from the stream.
     *
     * @param bytes the header exactly as it was read (8 bytes, or 16 with a 64-bit size)
     * @param size  the declared size including the header, or -1 for a box that runs to the end of the stream
     */
    private record Header(String type, long offset, byte[] bytes, long size) {

        boolean runsToEnd() {
            return size < 0;
        }

        String describe() {
            return "'" + type + "' at offset " + offset;
        }
    }
}
