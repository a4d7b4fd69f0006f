package org.atalaya.clip.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.clip.ClipProperties;
import org.atalaya.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Deletes event clips (file and row) older than their camera's retention days, and every clip of a camera that no
 * longer exists; marks clips left pending by a server that stopped as unavailable. Runs once the server is ready and
 * then daily, on a thread of its own.
 */
@BackgroundWorker
class ClipRetention implements DisposableBean {

    static final String ABANDONED = "the server stopped before the clip was complete";
    private static final Duration EVERY = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(ClipRetention.class);

    /** What one sweep did. */
    record Sweep(int deleted, int abandoned) {
    }

    private final ClipStore store;
    private final CameraCatalog cameras;
    private final ClipProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("clip-retention").factory());

    ClipRetention(ClipStore store, CameraCatalog cameras, ClipProperties properties, Clock clock) {
        this.store = store;
        this.cameras = cameras;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    Sweep sweep() {
        Instant now = clock.instant();
        // a capture still running finishes by its timeout; one older than twice that belongs to a stopped server
        int abandoned = store.abandonPendingBefore(now.minus(properties.captureTimeout().multipliedBy(2)), ABANDONED);
        int deleted = 0;
        for (long cameraId : store.cameras()) {
            Optional<RegisteredCamera> camera = cameras.find(cameraId);
            Instant keepFrom = camera.map(found -> now.minus(Duration.ofDays(found.retentionDays())))
                    .orElse(now.plusSeconds(1));
            for (ClipStore.StoredClip clip : store.finishedOfCameraBefore(cameraId, keepFrom)) {
                try {
                    if (clip.file() != null) ClipFiles.delete(clip.file());
                    store.delete(clip.clip().id());
                    deleted++;
                } catch (IOException e) {
                    log.warn("Could not delete clip file {}; it is tried again at the next sweep: {}", clip.file(),
                            e.getMessage());
                }
            }
        }
        return new Sweep(deleted, abandoned);
    }

    private void sweepQuietly() {
        try {
            Sweep sweep = sweep();
            if (sweep.deleted() + sweep.abandoned() > 0) {
                log.info("Event clip retention deleted {} clips and marked {} abandoned ones unavailable",
                        sweep.deleted(), sweep.abandoned());
            }
        } catch (RuntimeException e) {
            log.warn("Event clip retention failed; it runs again in {}: {}", EVERY, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
