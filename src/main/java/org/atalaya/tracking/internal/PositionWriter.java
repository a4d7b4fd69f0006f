package org.atalaya.tracking.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.atalaya.tracking.TrackingProperties;
import org.atalaya.tracking.UnitMoved;
import org.atalaya.tracking.UnitPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Group commit: requests hand their positions to this one writer, which inserts whatever has gathered (up to the
 * batch size) in one statement and completes each request's future once its batch committed, so an answer 200 means
 * stored. Positions that became a unit's latest are then announced with {@link UnitMoved}. Beyond
 * {@link TrackingProperties#maxPending()} waiting positions, new ones fail at once with {@link Overloaded}.
 */
@Component
class PositionWriter implements SmartLifecycle {

    /** Positions are refused because too many wait to be written; the device should retry shortly. */
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("Too many positions are waiting to be stored", null, false, false);
        }
    }

    /** The writer is not running (the server is stopping). */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("The position writer is not running", null, false, false);
        }
    }

    private record Pending(PositionRow row, CompletableFuture<Void> stored) {
    }

    private static final Logger log = LoggerFactory.getLogger(PositionWriter.class);
    private static final long IDLE_POLL_MILLIS = 200;

    private final PositionStore store;
    private final LatestPositions latest;
    private final ApplicationEventPublisher events;
    private final IngestCounters counters;
    private final int batchSize;
    private final long batchDelayNanos;
    private final int maxPending;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean running;
    private Thread thread;

    PositionWriter(PositionStore store, LatestPositions latest, ApplicationEventPublisher events,
                   IngestCounters counters, TrackingProperties properties) {
        this.store = store;
        this.latest = latest;
        this.events = events;
        this.counters = counters;
        this.batchSize = properties.batchSize();
        this.batchDelayNanos = properties.batchDelay().toNanos();
        this.maxPending = properties.maxPending();
        counters.pendingFrom(pending::get);
    }

    /**
     * Queues the rows; the future completes when all of them are stored, or fails ({@link Overloaded},
     * {@link Stopped}, or the database's error).
     */
    CompletableFuture<Void> store(List<PositionRow> rows) {
        if (!running) return CompletableFuture.failedFuture(new Stopped());
        if (pending.addAndGet(rows.size()) > maxPending) {
            pending.addAndGet(-rows.size());
            counters.overloaded(rows.size());
            return CompletableFuture.failedFuture(new Overloaded());
        }
        List<CompletableFuture<Void>> futures = new ArrayList<>(rows.size());
        for (PositionRow row : rows) {
            Pending one = new Pending(row, new CompletableFuture<>());
            futures.add(one.stored());
            queue.add(one);
        }
        return futures.size() == 1 ? futures.getFirst() : CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                gather(batch);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("The position writer failed on a batch; its positions are answered 503", e);
                fail(batch, e);
            } finally {
                batch.clear();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        fail(left, new Stopped());
    }

    /** Takes what is waiting, and waits up to the batch delay for more while the batch is not full. */
    private void gather(List<Pending> batch) throws InterruptedException {
        queue.drainTo(batch, batchSize - batch.size());
        long deadline = System.nanoTime() + batchDelayNanos;
        while (batch.size() < batchSize) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) break;
            batch.add(next);
            queue.drainTo(batch, batchSize - batch.size());
        }
    }

    private void write(List<Pending> batch) {
        long start = System.nanoTime();
        try {
            store.insert(batch.stream().map(Pending::row).toList());
            counters.batchStored(batch.size(), System.nanoTime() - start);
            stored(batch);
        } catch (DataIntegrityViolationException refused) {
            if (batch.size() == 1) {
                log.warn("The database refused a position of unit {}: {}", batch.getFirst().row().unitId(),
                        refused.getMostSpecificCause().getMessage());
                fail(batch, refused);
            } else {
                // One row the database refuses must not cost the others: write them one by one.
                for (Pending one : batch) write(List.of(one));
            }
        } catch (RuntimeException e) {
            log.warn("A batch of {} positions could not be stored: {}", batch.size(), e.getMessage());
            fail(batch, e);
        }
    }

    private void stored(List<Pending> batch) {
        List<UnitPosition> moved = new ArrayList<>();
        for (Pending one : batch) {
            if (!one.row().valid()) continue;
            UnitPosition position = one.row().asUnitPosition();
            if (latest.offer(position)) moved.add(position);
        }
        pending.addAndGet(-batch.size());
        batch.forEach(one -> one.stored().complete(null));
        for (UnitPosition position : moved) {
            try {
                events.publishEvent(new UnitMoved(position));
            } catch (RuntimeException e) {
                log.warn("A listener of unit {}'s move failed", position.unitId(), e);
            }
        }
    }

    private void fail(List<Pending> batch, Exception cause) {
        int open = 0;
        for (Pending one : batch) {
            if (one.stored().completeExceptionally(cause)) open++;
        }
        pending.addAndGet(-open);
        counters.failed(open);
    }

    @Override
    public synchronized void start() {
        if (running) return;
        running = true;
        thread = Thread.ofPlatform().name("tracking-writer").daemon().start(this::writeUntilStopped);
    }

    @Override
    public synchronized void stop() {
        if (!running) return;
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server takes requests and stops after it stopped taking them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
