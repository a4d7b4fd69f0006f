package org.atalaya.clip.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.atalaya.media.Mp4InitSegment;

/**
 * One camera's current run of its stream as the pre-event buffer keeps it: the init segment and whole keyframe groups
 * (each from a keyframe fragment to the fragment before the next), the oldest dropped first. Every method holds the
 * ring's lock briefly and does no I/O, so the camera's reading thread never waits long.
 */
final class CameraRing {

    private final Mp4InitSegment init;
    private final Duration keep;
    private final long maxBytes;
    private final ArrayDeque<KeyframeGroup> groups = new ArrayDeque<>();
    private final List<StreamFollower> followers = new ArrayList<>();
    private long bytes;
    private boolean stopped;

    /**
     * @param keep     how far back from the latest arrival the buffer reaches (plus back to the keyframe before)
     * @param maxBytes the most the buffer holds; oldest groups are dropped first above it
     */
    CameraRing(Mp4InitSegment init, Duration keep, long maxBytes) {
        this.init = init;
        this.keep = keep;
        this.maxBytes = maxBytes;
    }

    synchronized void add(BufferedFragment fragment) {
        if (stopped) return;
        if (fragment.startsWithKeyframe()) {
            groups.addLast(new KeyframeGroup(fragment.startedAt()));
        }
        // a fragment before the first keyframe cannot start a clip: it is not kept
        if (!groups.isEmpty()) {
            groups.getLast().add(fragment);
            bytes += fragment.size();
        }
        dropOld(fragment.arrivedAt().minus(keep));
        followers.removeIf(follower -> !follower.accept(fragment));
    }

    /**
     * Gives the follower the init segment and the kept fragments from the keyframe at or before {@code from} (the
     * oldest keyframe when none is that old), then, unless it wants no more, every fragment as it arrives.
     *
     * @return false when this run has already stopped
     */
    synchronized boolean follow(Instant from, StreamFollower follower) {
        if (stopped) return false;
        follower.begin(init);
        KeyframeGroup first = groups.peekFirst();
        for (KeyframeGroup group : groups) {
            if (!group.start.isAfter(from)) first = group;
        }
        boolean wantsMore = true;
        boolean reached = false;
        for (Iterator<KeyframeGroup> it = groups.iterator(); it.hasNext() && wantsMore; ) {
            KeyframeGroup group = it.next();
            reached |= group == first;
            if (!reached) continue;
            for (int i = 0; i < group.fragments.size() && wantsMore; i++) {
                wantsMore = follower.accept(group.fragments.get(i));
            }
        }
        if (wantsMore) followers.add(follower);
        return true;
    }

    synchronized void stop(String why) {
        if (stopped) return;
        stopped = true;
        groups.clear();
        bytes = 0;
        followers.forEach(follower -> follower.streamStopped(why));
        followers.clear();
    }

    synchronized long bytes() {
        return bytes;
    }

    /** The wall-clock instant of the oldest kept keyframe, or null when none is kept. */
    synchronized Instant oldestKeyframe() {
        KeyframeGroup first = groups.peekFirst();
        return first == null ? null : first.start;
    }

    private void dropOld(Instant cutoff) {
        while (groups.size() > 1 && !second().start.isAfter(cutoff)) {
            bytes -= groups.removeFirst().bytes;
        }
        while (bytes > maxBytes && !groups.isEmpty()) {
            bytes -= groups.removeFirst().bytes;
        }
    }

    private KeyframeGroup second() {
        Iterator<KeyframeGroup> it = groups.iterator();
        it.next();
        return it.next();
    }

    /** A keyframe fragment and the fragments after it up to the next keyframe. */
    private static final class KeyframeGroup {
        final Instant start;
        final List<BufferedFragment> fragments = new ArrayList<>();
        long bytes;

        KeyframeGroup(Instant start) {
            this.start = start;
        }

        void add(BufferedFragment fragment) {
            fragments.add(fragment);
            bytes += fragment.size();
        }
    }
}
