package org.atalaya.clip.internal;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Moves a clip's fragments to start at time 0: each track's decode times ({@code tfdt} in every {@code traf} of a
 * {@code moof}) lose the track's first decode time in the clip. Cut from the middle of a stream, a clip would
 * otherwise start minutes or hours into its own timeline, which some players show as a long empty start. Sizes do
 * not change, so offsets into {@code mdat} stay right. A fragment without {@code tfdt} is copied as it is.
 */
final class DecodeTimeShift {

    private static final int HEADER = 8;
    private static final int FULL_HEADER = 12;

    private final Map<Long, Long> firstDecodeTimes = new HashMap<>();

    /** A copy of the fragment ({@code moof} + {@code mdat}) with its decode times shifted. */
    ByteBuffer shift(ByteBuffer fragment) {
        ByteBuffer copy = ByteBuffer.allocate(fragment.remaining());
        copy.put(fragment.duplicate()).flip();
        forEachBox(copy, 0, copy.limit(), "moof",
                moof -> forEachBox(copy, moof + HEADER, end(copy, moof), "traf", traf -> shiftTrack(copy, traf)));
        return copy;
    }

    private void shiftTrack(ByteBuffer buffer, int traf) {
        int tfhd = first(buffer, traf + HEADER, end(buffer, traf), "tfhd");
        int tfdt = first(buffer, traf + HEADER, end(buffer, traf), "tfdt");
        if (tfhd < 0 || tfdt < 0) return;
        long trackId = Integer.toUnsignedLong(buffer.getInt(tfhd + FULL_HEADER));
        int version = buffer.get(tfdt + HEADER);
        int at = tfdt + FULL_HEADER;
        long decodeTime = version == 1 ? buffer.getLong(at) : Integer.toUnsignedLong(buffer.getInt(at));
        long shifted = Math.max(0, decodeTime - firstDecodeTimes.computeIfAbsent(trackId, id -> decodeTime));
        if (version == 1) buffer.putLong(at, shifted);
        else buffer.putInt(at, (int) shifted);
    }

    /** Calls {@code action} with the offset of each box of {@code type} that lies whole between the offsets. */
    private static void forEachBox(ByteBuffer buffer, int from, int to, String type, IntConsumer action) {
        int at = from;
        while (at + HEADER <= to) {
            long size = Integer.toUnsignedLong(buffer.getInt(at));
            if (size < HEADER || at + size > to) return;
            if (isType(buffer, at, type)) action.accept(at);
            at += (int) size;
        }
    }

    /** The offset of the first box of {@code type} between the offsets, or -1. */
    private static int first(ByteBuffer buffer, int from, int to, String type) {
        int[] found = {-1};
        forEachBox(buffer, from, to, type, at -> {
            if (found[0] < 0) found[0] = at;
        });
        return found[0];
    }

    private static int end(ByteBuffer buffer, int box) {
        return box + buffer.getInt(box);
    }

    private static boolean isType(ByteBuffer buffer, int at, String type) {
        for (int i = 0; i < 4; i++) {
            if (buffer.get(at + 4 + i) != type.charAt(i)) return false;
        }
        return true;
    }
}
