package org.atalaya.live.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.atalaya.camera.CameraInput;
import org.atalaya.camera.CameraInputs;
import org.atalaya.camera.CameraStreamProcesses;
import org.atalaya.camera.CameraStatus;
import org.atalaya.live.LiveProperties;
import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.Mp4InitSegment;
import org.atalaya.media.ProcessSupervisor;
import org.atalaya.media.SupervisionListener;
import org.atalaya.media.SupervisionStatus;
import org.atalaya.recording.CameraRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camera connections opened for live viewers alone: the main stream of a camera that is not being recorded, and
 * sub-streams. One supervised ffmpeg per stream however many watch it, started by the first viewer and stopped
 * {@code atalaya.live.keep-alive} after the last one left. A recorded camera's main stream comes from the recorder.
 */
@Component
class OnDemandFeeds implements SupervisionListener {

    private static final Logger LOG = LoggerFactory.getLogger(OnDemandFeeds.class);
    private static final String KEY_PREFIX = "live-";

    private final LiveHub hub;
    private final ProcessSupervisor supervisor;
    private final CameraStreamProcesses processes;
    private final CameraInputs inputs;
    private final CameraRecorder recorder;
    private final MediaProperties media;
    private final long keepAliveMillis;
    private final Map<String, LiveHub.FeedKey> running = new ConcurrentHashMap<>();

    OnDemandFeeds(LiveHub hub, ProcessSupervisor supervisor, CameraStreamProcesses processes, CameraInputs inputs,
                  CameraRecorder recorder, MediaProperties media, LiveProperties properties) {
        this.hub = hub;
        this.supervisor = supervisor;
        this.processes = processes;
        this.inputs = inputs;
        this.recorder = recorder;
        this.media = media;
        this.keepAliveMillis = properties.keepAlive().toMillis();
    }

    /** Makes sure the stream a viewer just joined is delivered: by the recorder, or by a connection of its own. */
    synchronized void viewerJoined(LiveHub.FeedKey feed) {
        String key = key(feed);
        if (running.containsKey(key)) return;
        if (feed.kind() == LiveStreamKind.MAIN && recorder.isRecording(feed.cameraId())) return;
        // a connection closed for want of viewers may still be stopping
        supervisor.stop(key);
        running.put(key, feed);
        processes.supervise(key, () -> open(feed), (output, videoArrived) -> deliver(feed, output, videoArrived));
        LOG.info("Opened {} stream of camera {} for live viewers", feed.kind().urlName(), feed.cameraId());
    }

    /** Stops the stream's own connection, if it has one, once nobody has watched it for the keep-alive time. */
    void viewerLeft(LiveHub.FeedKey feed) {
        CompletableFuture.runAsync(() -> stopIfUnwatched(feed),
                CompletableFuture.delayedExecutor(keepAliveMillis, TimeUnit.MILLISECONDS));
    }

    private void stopIfUnwatched(LiveHub.FeedKey feed) {
        String key = key(feed);
        synchronized (this) {
            if (!running.containsKey(key) || hub.viewerCount(feed) > 0) return;
            running.remove(key);
        }
        // outside the lock: stopping waits for the supervised run, whose status reports come through this object
        supervisor.stop(key);
        LOG.info("Closed {} stream of camera {}: no live viewers", feed.kind().urlName(), feed.cameraId());
    }

    @Override
    public void statusChanged(SupervisionStatus supervision) {
        LiveHub.FeedKey feed = running.get(supervision.key());
        if (feed == null) return;
        SupervisionStatus.Failure failure = supervision.lastFailure();
        switch (supervision.state()) {
            case RUNNING -> hub.status(feed, LiveMessages.status(CameraStatus.ONLINE, null));
            case WAITING_TO_RESTART -> hub.status(feed, LiveMessages.status(CameraStatus.OFFLINE,
                    failure == null ? null : failure.describe()));
            case STARTING, STOPPED -> {
            }
        }
    }

    /** Hands one run's stream to the hub; {@code videoArrived} runs at its first fragment. */
    private void deliver(LiveHub.FeedKey feed, InputStream output, Runnable videoArrived) throws IOException {
        Object run = new Object();
        var reader = new FragmentedMp4Reader(output, media.maxBoxSize().toBytes());
        Mp4InitSegment init = reader.initSegment();
        hub.started(feed, run, init);
        try {
            var first = reader.nextFragment();
            if (first.isEmpty()) return;
            videoArrived.run();
            hub.fragment(feed, run, first.get());
            for (var next = reader.nextFragment(); next.isPresent(); next = reader.nextFragment()) {
                hub.fragment(feed, run, next.get());
            }
        } finally {
            hub.ended(feed, run);
        }
    }

    private CameraInput open(LiveHub.FeedKey feed) {
        return switch (feed.kind()) {
            case MAIN -> inputs.open(feed.cameraId());
            case SUB -> inputs.openSubStream(feed.cameraId()).orElseThrow(() -> new UncheckedIOException(
                    new IOException("camera " + feed.cameraId() + " has no sub-stream")));
        };
    }

    private static String key(LiveHub.FeedKey feed) {
        return KEY_PREFIX + feed.cameraId() + "-" + feed.kind().urlName();
    }
}
