package org.atalaya.recording.internal;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.platform.BackgroundWorker;
import org.atalaya.recording.RecordingProperties;
import org.atalaya.recording.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the retention sweep of the recordings folder once the server is ready (after the start-up reconciliation)
 * and then every {@link RetentionProperties#interval()}, on a thread of its own. A failed sweep is logged and the
 * next one runs as planned.
 */
@BackgroundWorker
class RetentionWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionWorker.class);

    private final RetentionSweep sweep;
    private final RetentionProperties properties;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("recording-retention").factory());

    RetentionWorker(RecordingProperties recording, RetentionProperties properties, StorageSpace space,
                    RetentionStore store, LegalHoldStore holds, CameraCatalog cameras, AuditLog audit,
                    ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
        this.properties = properties;
        this.sweep = new RetentionSweep(recording.storage(), properties, space, store, holds, cameras, audit, events,
                new TransactionTemplate(transactionManager), clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(this::sweepOnce, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepOnce() {
        try {
            RetentionSweep.Outcome outcome = sweep.run();
            if (outcome.deletedForAge() + outcome.deletedForSpace() > 0) {
                log.info("Retention deleted {} segments past their camera's retention and {} to keep room on disk",
                        outcome.deletedForAge(), outcome.deletedForSpace());
            }
        } catch (Exception e) {
            log.error("Retention sweep failed; the next one runs in {}", properties.interval(), e);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
