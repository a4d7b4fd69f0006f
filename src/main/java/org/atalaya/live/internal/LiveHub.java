package org.atalaya.live.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;
import org.atalaya.recording.StreamTap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The live streams of all cameras: the recorder's stream of each recorded camera (as its {@link StreamTap}) and the
 * streams opened for viewers alone ({@link OnDemandFeeds}), each sent to its viewers.
 */
@Component
class LiveHub implements StreamTap {

    /** The source of the streams the recorder delivers. */
    private static final Object RECORDER = new Object();

    record FeedKey(long cameraId, LiveStreamKind kind) {
    }

    private final Map<FeedKey, Feed> feeds = new ConcurrentHashMap<>();

    @Override
    public void streamStarted(long cameraId, Mp4InitSegment init) {
        started(new FeedKey(cameraId, LiveStreamKind.MAIN), RECORDER, init);
    }

    @Override
    public void fragmentArrived(long cameraId, Mp4Fragment fragment) {
        fragment(new FeedKey(cameraId, LiveStreamKind.MAIN), RECORDER, fragment);
    }

    @Override
    public void streamEnded(long cameraId) {
        ended(new FeedKey(cameraId, LiveStreamKind.MAIN), RECORDER);
    }

    void started(FeedKey key, Object source, Mp4InitSegment init) {
        feed(key).started(source, init);
    }

    void fragment(FeedKey key, Object source, Mp4Fragment fragment) {
        Feed feed = feeds.get(key);
        if (feed != null) feed.fragment(source, fragment);
    }

    void ended(FeedKey key, Object source) {
        Feed feed = feeds.get(key);
        if (feed != null) feed.ended(source);
    }

    @EventListener
    void on(CameraStatusChanged change) {
        String message = LiveMessages.status(change.status(), change.problem());
        for (LiveStreamKind kind : LiveStreamKind.values()) status(new FeedKey(change.cameraId(), kind), message);
    }

    /** Tells the stream's viewers, now and when they join, how the camera is doing (a status message). */
    void status(FeedKey key, String statusMessage) {
        feed(key).status(statusMessage);
    }

    /** Like {@link #status}, for a stream that has had no status since the server started. */
    void statusUnlessKnown(FeedKey key, String statusMessage) {
        feed(key).statusUnlessKnown(statusMessage);
    }

    void join(FeedKey key, Viewer viewer) {
        feed(key).join(viewer);
    }

    void leave(FeedKey key, Viewer viewer) {
        Feed feed = feeds.get(key);
        if (feed != null) feed.leave(viewer);
    }

    int viewerCount(FeedKey key) {
        Feed feed = feeds.get(key);
        return feed == null ? 0 : feed.viewerCount();
    }

    boolean isFlowing(FeedKey key) {
        Feed feed = feeds.get(key);
        return feed != null && feed.isFlowing();
    }

    private Feed feed(FeedKey key) {
        return feeds.computeIfAbsent(key, ignored -> new Feed());
    }
}
