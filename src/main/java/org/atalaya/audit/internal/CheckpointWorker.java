package org.atalaya.audit.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.atalaya.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link Checkpointer} on the server: makes sure the signing key exists at start-up, looks for due
 * checkpoints regularly and signs a last one on shutdown. It stops after the web server, so requests still finishing
 * during a graceful shutdown are covered too.
 */
@BackgroundWorker
class CheckpointWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWorker.class);

    private final Checkpointer checkpointer;
    private final SigningKeyStore keys;
    private ScheduledExecutorService scheduler;

    CheckpointWorker(Checkpointer checkpointer, SigningKeyStore keys) {
        this.checkpointer = checkpointer;
        this.keys = keys;
    }

    @Override
    public synchronized void start() {
        keys.signingKeyPair();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-checkpoints").daemon().factory());
        long every = checkpointer.policy().pollEvery().toMillis();
        scheduler.scheduleWithFixedDelay(this::signDue, every, every, TimeUnit.MILLISECONDS);
    }

    private void signDue() {
        try {
            checkpointer.signDue();
        } catch (RuntimeException e) {
            log.warn("Could not sign an audit checkpoint, will try again: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) return;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) scheduler.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        try {
            checkpointer.signNow();
        } catch (RuntimeException e) {
            log.warn("Could not sign the last audit checkpoint before stopping: {}", e.getMessage());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Below the web server's phases: started before it, stopped after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
