package org.atalaya.media;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One movie fragment: a {@code moof} box and the {@code mdat} holding its samples, described by its primary track.
 *
 * @param content            the bytes of {@code moof} followed by {@code mdat}, read-only; each call returns an
 *                           independent view, so several consumers can read it at once
 * @param sequenceNumber     the fragment's sequence number ({@code mfhd}), 0 when absent
 * @param trackId            the track the timing below belongs to
 * @param startsWithKeyframe whether the first sample is a sync sample: a player or a new file can start here
 * @param decodeTime         decode time of the first sample in {@code timescale} units since the stream began
 *                           ({@code tfdt}; continued from the previous fragment when absent)
 * @param duration           the sum of the samples' durations in {@code timescale} units
 * @param timescale          the track's time units per second
 */
public record Mp4Fragment(
        ByteBuffer content,
        long sequenceNumber,
        int trackId,
        boolean startsWithKeyframe,
        long decodeTime,
        long duration,
        long timescale) {

    public Mp4Fragment {
        content = content.asReadOnlyBuffer();
        if (timescale <= 0 || timescale > 0xFFFF_FFFFL) throw new IllegalArgumentException("timescale out of range");
        if (decodeTime < 0 || duration < 0) throw new IllegalArgumentException("times must not be negative");
    }

    @Override
    public ByteBuffer content() {
        return content.duplicate();
    }

    public int size() {
        return content.remaining();
    }

    /** Where this fragment starts on the stream's own clock. */
    public Duration start() {
        return ticksToDuration(decodeTime);
    }

    /** How long this fragment plays. */
    public Duration length() {
        return ticksToDuration(duration);
    }

    private Duration ticksToDuration(long ticks) {
        // the remainder is below the 32-bit timescale, so the product stays far below Long.MAX_VALUE
        return Duration.ofSeconds(ticks / timescale, ticks % timescale * 1_000_000_000L / timescale);
    }
}
