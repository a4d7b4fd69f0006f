package org.atalaya.playback.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atalaya.platform.BackgroundWorker;
import org.atalaya.playback.PlaybackProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/** Sweeps the thumbnail cache once the server is ready and then at every sweep interval, on a thread of its own. */
@BackgroundWorker
class ThumbnailSweeper implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ThumbnailSweeper.class);

    private final Thumbnails thumbnails;
    private final PlaybackProperties.Thumbnails properties;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("playback-thumbnails").factory());

    ThumbnailSweeper(Thumbnails thumbnails, PlaybackProperties properties) {
        this.thumbnails = thumbnails;
        this.properties = properties.thumbnails();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = properties.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepOnce, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweepOnce() {
        try {
            Thumbnails.Sweep sweep = thumbnails.sweep();
            if (sweep.ofDeletedSegments() + sweep.forSize() > 0) {
                log.debug("Thumbnail sweep removed {} pictures of deleted recordings and {} to stay within {}",
                        sweep.ofDeletedSegments(), sweep.forSize(), properties.maxSize());
            }
        } catch (Exception e) {
            log.warn("Thumbnail sweep failed; the next one runs in {}: {}", properties.sweepInterval(), e.getMessage());
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
