package org.atalaya.playback.internal;

import java.nio.ByteBuffer;

import org.atalaya.media.Mp4FormatException;
import org.atalaya.media.Mp4InitSegment;
import org.atalaya.media.Mp4Track;

/**
 * Moves a fragment onto another timeline by rewriting the decode time ({@code tfdt}) of each of its track fragments
 * in place; no box changes size, so sample offsets relative to the {@code moof} stay right.
 */
final class DecodeTimes {

    private static final int HEADER = 8;

    private DecodeTimes() {
    }

    /**
     * A copy of {@code fragment} ({@code moof} then {@code mdat}) whose decode times are moved by {@code shift}
     * units of the primary track's timescale (other tracks by the same time in their own units).
     */
    static ByteBuffer shifted(ByteBuffer fragment, long shift, Mp4InitSegment init) throws Mp4FormatException {
        ByteBuffer copy = ByteBuffer.allocate(fragment.remaining()).put(fragment.duplicate()).flip();
        int moofSize = boxSize(copy, 0, copy.limit());
        if (!"moof".equals(type(copy, 0))) throw new Mp4FormatException("a fragment must start with 'moof'");
        for (int traf = HEADER; traf < moofSize; traf += boxSize(copy, traf, moofSize)) {
            if ("traf".equals(type(copy, traf))) shiftTrackFragment(copy, traf, shift, init);
        }
        return copy.asReadOnlyBuffer();
    }

    private static void shiftTrackFragment(ByteBuffer bytes, int traf, long shift, Mp4InitSegment init)
            throws Mp4FormatException {
        int end = traf + boxSize(bytes, traf, bytes.limit());
        long trackShift = shift;
        for (int box = traf + HEADER; box < end; box += boxSize(bytes, box, end)) {
            String type = type(bytes, box);
            if ("tfhd".equals(type)) {
                trackShift = shiftFor(bytes.getInt(box + 12), shift, init);
            } else if ("tfdt".equals(type)) {
                boolean wide = bytes.get(box + HEADER) == 1;
                int value = box + 12;
                if (value + (wide ? 8 : 4) > end) throw new Mp4FormatException("a 'tfdt' box is cut short");
                long moved = (wide ? bytes.getLong(value) : Integer.toUnsignedLong(bytes.getInt(value))) + trackShift;
                if (moved < 0 || (!wide && moved > 0xFFFF_FFFFL)) {
                    throw new Mp4FormatException("a decode time does not fit the new timeline");
                }
                if (wide) bytes.putLong(value, moved);
                else bytes.putInt(value, (int) moved);
            }
        }
    }

    private static long shiftFor(int trackId, long primaryShift, Mp4InitSegment init) {
        Mp4Track primary = init.primaryTrack();
        if (trackId == primary.id()) return primaryShift;
        for (Mp4Track track : init.tracks()) {
            if (track.id() == trackId) {
                return Math.round((double) primaryShift * track.timescale() / primary.timescale());
            }
        }
        return primaryShift;
    }

    private static int boxSize(ByteBuffer bytes, int offset, int limit) throws Mp4FormatException {
        if (offset + HEADER > limit) throw new Mp4FormatException("a box header is cut short at " + offset);
        long size = Integer.toUnsignedLong(bytes.getInt(offset));
        if (size < HEADER || offset + size > limit) {
            throw new Mp4FormatException("box '" + type(bytes, offset) + "' at " + offset + " has an impossible size");
        }
        return (int) size;
    }

    private static String type(ByteBuffer bytes, int offset) {
        char[] letters = new char[4];
        for (int i = 0; i < 4; i++) letters[i] = (char) (bytes.get(offset + 4 + i) & 0xFF);
        return new String(letters);
    }
}
