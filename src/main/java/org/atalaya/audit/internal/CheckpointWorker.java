package org.atalaya.audit.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.atalaya.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link Checkpointer} on the server: makes sure the signing key exists at start-up and looks for due
 * checkpoints regularly. Entries written just before a shutdown are signed after the next start, when the
 * checkpointer catches up; signing on the way down could wait on a database that is stopping too.
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
        scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
