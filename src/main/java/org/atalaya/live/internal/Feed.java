package org.atalaya.live.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;

/**
 * One camera stream as viewers get it: the current init segment, the fragments since the last keyframe (what a
 * viewer joining now starts with) and the viewers. Only the source that started the current stream may add to it,
 * so a connection being replaced cannot interleave its fragments with its successor's.
 */
final class Feed {

    /** A joiner is sent at most this much from the last keyframe; a camera with longer GOPs makes it wait instead. */
    private static final int MOST_JOINING_FRAGMENTS = 600;

    private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
    private final List<Mp4Fragment> sinceKeyframe = new ArrayList<>();
    private Object source;
    private Mp4InitSegment init;
    private String status;

    synchronized void started(Object startedBy, Mp4InitSegment newInit) {
        source = startedBy;
        init = newInit;
        sinceKeyframe.clear();
        String description = LiveMessages.stream(newInit);
        viewers.forEach(viewer -> viewer.offerInit(description, newInit));
    }

    synchronized void fragment(Object from, Mp4Fragment fragment) {
        if (from != source || init == null) return;
        if (fragment.startsWithKeyframe()) sinceKeyframe.clear();
        if (!sinceKeyframe.isEmpty() || fragment.startsWithKeyframe()) {
            if (sinceKeyframe.size() < MOST_JOINING_FRAGMENTS) sinceKeyframe.add(fragment);
        }
        for (Viewer viewer : viewers) {
            if (viewer.isClosed()) viewers.remove(viewer);
            else viewer.offerFragment(fragment);
        }
    }

    synchronized void ended(Object endedBy) {
        if (endedBy != source) return;
        source = null;
        init = null;
        sinceKeyframe.clear();
    }

    /** The camera's status in words for the player (a JSON message), kept for viewers who join later. */
    synchronized void status(String statusMessage) {
        status = statusMessage;
        viewers.forEach(viewer -> viewer.offerText(statusMessage));
    }

    synchronized void statusUnlessKnown(String statusMessage) {
        if (status == null) status(statusMessage);
    }

    synchronized void join(Viewer viewer) {
        if (status != null) viewer.offerText(status);
        if (init != null) {
            viewer.offerInit(LiveMessages.stream(init), init);
            sinceKeyframe.forEach(viewer::offerJoiningVideo);
        }
        viewers.add(viewer);
    }

    void leave(Viewer viewer) {
        viewers.remove(viewer);
    }

    /** Viewers still connected. */
    int viewerCount() {
        viewers.removeIf(Viewer::isClosed);
        return viewers.size();
    }

    /** Whether some source delivers this stream now. */
    synchronized boolean isFlowing() {
        return source != null;
    }
}
