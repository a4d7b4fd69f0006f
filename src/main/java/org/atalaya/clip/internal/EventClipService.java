package org.atalaya.clip.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.atalaya.clip.ClipProperties;
import org.atalaya.clip.EventClip;
import org.atalaya.clip.EventClips;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes event clips: a PENDING row at once, then the pre-event buffer's video from the keyframe at or before
 * {@code at - pre-event} and the stream until {@code at + post-event}, written as one file on a thread of its own,
 * and the row READY (or UNAVAILABLE, with the reason in words). A capture that gets no more video (a stalled camera)
 * is finished by a timeout; captures still open when the server stops are finished with what they have.
 */
class EventClipService implements EventClips, AutoCloseable {

    static final String NOT_CONNECTED = "camera %d is not connected (neither recorded nor analysed)";
    static final String NO_VIDEO = "camera %d sent no video from the event's start (%s)";
    static final String NOT_WRITTEN = "the clip file could not be written; the administrator can see why in the "
            + "server log";
    static final String SERVER_STOPPING = "the server stopped";
    static final String TIMED_OUT = "the camera sent no more video";
    private static final Duration LONGEST_SHUTDOWN_WRITE = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(EventClipService.class);

    private final RingPreEventBuffer buffer;
    private final ClipStore store;
    private final ClipProperties properties;
    private final Path storage;
    private final Clock clock;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final ExecutorService writers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("event-clip-", 0).factory());
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("event-clip-timeouts").factory());

    private record Pending(ClipCapture capture, ScheduledFuture<?> timeout) {
    }

    /** @param storage the folder clip files are written under */
    EventClipService(RingPreEventBuffer buffer, ClipStore store, ClipProperties properties, Path storage,
                     Clock clock) {
        this.buffer = buffer;
        this.store = store;
        this.properties = properties;
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public EventClip capture(long cameraId, Instant at, String eventRef) {
        if (eventRef == null || eventRef.isBlank()) throw new IllegalArgumentException("a clip belongs to an event");
        Instant from = at.minus(properties.preEvent());
        Instant to = at.plus(properties.postEvent());
        EventClip clip = store.insertPending(cameraId, eventRef.strip(), clock.instant(), from, to);
        ClipCapture capture = new ClipCapture(clip.id(), cameraId, to, properties.clipMaxBytes().toBytes(),
                this::completed);
        Duration untilTimeout = Duration.between(clock.instant(), to.plus(properties.captureTimeout()));
        ScheduledFuture<?> timeout = timeouts.schedule(() -> capture.complete(TIMED_OUT),
                Math.max(0, untilTimeout.toMillis()), TimeUnit.MILLISECONDS);
        pending.put(clip.id(), new Pending(capture, timeout));
        if (!buffer.follow(cameraId, from, capture)) {
            timeout.cancel(false);
            pending.remove(clip.id());
            String problem = NOT_CONNECTED.formatted(cameraId);
            store.markUnavailable(clip.id(), problem);
            return new EventClip(clip.id(), cameraId, clip.eventRef(), from, to, EventClip.State.UNAVAILABLE,
                    problem);
        }
        return clip;
    }

    @Override
    public List<EventClip> forEvent(String eventRef) {
        return store.forEvent(eventRef).stream().map(ClipStore.StoredClip::clip).toList();
    }

    @Override
    public Optional<EventClip> find(long clipId) {
        return store.find(clipId).map(ClipStore.StoredClip::clip);
    }

    /** How many clips are being collected now. */
    int pendingCount() {
        return pending.size();
    }

    /** Called once per capture, on whatever thread completed it: the file is written on a thread of its own. */
    private void completed(ClipCapture capture) {
        try {
            writers.execute(() -> finish(capture));
        } catch (RuntimeException rejected) {
            // the server is stopping and no longer takes new work: write it here
            finish(capture);
        }
    }

    private void finish(ClipCapture capture) {
        Pending done = pending.remove(capture.clipId());
        if (done != null) done.timeout().cancel(false);
        ClipCapture.Collected collected = capture.collected();
        try {
            if (collected.isEmpty()) {
                String why = collected.endedEarly() == null ? TIMED_OUT : collected.endedEarly();
                store.markUnavailable(capture.clipId(), NO_VIDEO.formatted(capture.cameraId(), why));
                return;
            }
            List<BufferedFragment> fragments = collected.fragments();
            Instant start = fragments.getFirst().startedAt();
            ClipFiles.Written written = ClipFiles.write(storage, capture.cameraId(), capture.clipId(), start,
                    collected.init(), fragments);
            store.markReady(capture.clipId(), start, fragments.getLast().arrivedAt(), written.file(),
                    written.bytes(), written.sha256());
            if (collected.endedEarly() != null) {
                log.info("Clip {} of camera {} ends early: {}", capture.clipId(), capture.cameraId(),
                        collected.endedEarly());
            }
        } catch (IOException e) {
            log.error("Could not write clip {} of camera {} under {}: {}", capture.clipId(), capture.cameraId(),
                    storage, e.getMessage());
            store.markUnavailable(capture.clipId(), NOT_WRITTEN);
        } catch (RuntimeException e) {
            log.error("Could not finish clip {} of camera {}", capture.clipId(), capture.cameraId(), e);
        }
    }

    /** Finishes the open captures with what they have, and waits a while for their files. */
    @Override
    public void close() {
        List.copyOf(pending.values()).forEach(open -> open.capture().complete(SERVER_STOPPING));
        timeouts.shutdownNow();
        writers.shutdown();
        try {
            if (!writers.awaitTermination(LONGEST_SHUTDOWN_WRITE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Event clips still being written when the server stopped are left pending");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
