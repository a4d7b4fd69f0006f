package org.atalaya.clip.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.atalaya.media.Mp4InitSegment;

/**
 * Collects one clip's video: the pre-event buffer's fragments from the keyframe at or before the clip's start, then
 * the stream as it arrives, until a fragment arrives at or after the clip's end. It completes once, handing itself to
 * {@code onComplete}, when it has its end, when it holds {@code maxBytes}, when the stream stops or restarts, or when
 * it is told to ({@link #complete(String)}: timeout, shutdown); from then on it takes no fragments.
 */
final class ClipCapture implements StreamFollower {

    /** What was collected once complete. */
    record Collected(Mp4InitSegment init, List<BufferedFragment> fragments, String endedEarly) {

        boolean isEmpty() {
            return fragments.isEmpty();
        }
    }

    private final long clipId;
    private final long cameraId;
    private final Instant until;
    private final long maxBytes;
    private final Consumer<ClipCapture> onComplete;
    private final List<BufferedFragment> fragments = new ArrayList<>();
    private Mp4InitSegment init;
    private long bytes;
    private boolean complete;
    /** Why the capture ended before its end, in words; null when it reached it. */
    private String endedEarly;

    ClipCapture(long clipId, long cameraId, Instant until, long maxBytes, Consumer<ClipCapture> onComplete) {
        this.clipId = clipId;
        this.cameraId = cameraId;
        this.until = until;
        this.maxBytes = maxBytes;
        this.onComplete = onComplete;
    }

    long clipId() {
        return clipId;
    }

    long cameraId() {
        return cameraId;
    }

    @Override
    public synchronized void begin(Mp4InitSegment streamInit) {
        if (init == null) init = streamInit;
    }

    @Override
    public boolean accept(BufferedFragment fragment) {
        boolean reachedEnd;
        synchronized (this) {
            if (complete) return false;
            // a clip starts where a player can
            if (fragments.isEmpty() && !fragment.startsWithKeyframe()) return true;
            fragments.add(fragment);
            bytes += fragment.size();
            reachedEnd = !fragment.arrivedAt().isBefore(until);
            if (!reachedEnd && bytes < maxBytes) return true;
        }
        complete(reachedEnd ? null : "the clip reached its size limit");
        return false;
    }

    @Override
    public void streamStopped(String why) {
        complete(why);
    }

    /** Ends the capture with what it has, unless it has already ended; {@code why} is kept as the reason. */
    void complete(String why) {
        synchronized (this) {
            if (complete) return;
            complete = true;
            endedEarly = why;
        }
        onComplete.accept(this);
    }

    /** What was collected; only meaningful once complete. */
    synchronized Collected collected() {
        return new Collected(init, List.copyOf(fragments), endedEarly);
    }
}
