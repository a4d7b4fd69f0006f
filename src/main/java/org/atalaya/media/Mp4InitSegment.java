package org.atalaya.media;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The start of a fragmented MP4 stream ({@code ftyp} + {@code moov}): what a player or a segment file needs before
 * any fragment.
 *
 * @param content the bytes of {@code ftyp} (when present) and {@code moov}, read-only; each call returns an
 *                independent view, so several consumers can read it at once
 * @param tracks  the tracks in declaration order, at least one
 */
public record Mp4InitSegment(ByteBuffer content, List<Mp4Track> tracks) {

    public Mp4InitSegment {
        content = content.asReadOnlyBuffer();
        tracks = List.copyOf(tracks);
        if (tracks.isEmpty()) throw new IllegalArgumentException("an init segment has at least one track");
    }

    @Override
    public ByteBuffer content() {
        return content.duplicate();
    }

    public int size() {
        return content.remaining();
    }

    /** The track fragments are described by: the first video track, or the first track when there is no video. */
    public Mp4Track primaryTrack() {
        return tracks.stream().filter(Mp4Track::isVideo).findFirst().orElse(tracks.getFirst());
    }
}
