package org.atalaya.responder.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.atalaya.platform.BackgroundWorker;
import org.springframework.context.SmartLifecycle;

/** Has the open responders' pages told of changes to their unit and incident, every {@code refresh-every}. */
@BackgroundWorker
class ResponderRefresher implements SmartLifecycle {

    private final ResponderStream stream;
    private final ResponderProperties properties;
    private ScheduledExecutorService ticker;

    ResponderRefresher(ResponderStream stream, ResponderProperties properties) {
        this.stream = stream;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("responder-refresh").daemon().factory());
        long every = properties.refreshEvery().toMillis();
        ticker.scheduleWithFixedDelay(stream::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker == null) return;
        ticker.shutdownNow();
        ticker = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
