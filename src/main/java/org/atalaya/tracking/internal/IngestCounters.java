package org.atalaya.tracking.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * What the position intake did since start, for benchmarks and monitoring: also published as metrics
 * ({@code atalaya.tracking.*} on {@code /actuator/prometheus}).
 */
@Component
class IngestCounters implements MeterBinder {

    /** A reading of the counters. Batch times are from the start of the insert to its commit. */
    record Snapshot(long stored, long rejected, long unknownDevice, long overloaded, long failed, long batches,
                    long batchNanosTotal, long batchNanosMax, int pending) {
    }

    private final LongAdder stored = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder unknownDevice = new LongAdder();
    private final LongAdder overloaded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchNanosTotal = new LongAdder();
    private final AtomicLong batchNanosMax = new AtomicLong();
    private volatile IntSupplier pending = () -> 0;

    void pendingFrom(IntSupplier supplier) {
        pending = supplier;
    }

    void batchStored(int rows, long nanos) {
        stored.add(rows);
        batches.increment();
        batchNanosTotal.add(nanos);
        batchNanosMax.accumulateAndGet(nanos, Math::max);
    }

    void rejected() {
        rejected.increment();
    }

    void unknownDevice() {
        unknownDevice.increment();
    }

    void overloaded(int positions) {
        overloaded.add(positions);
    }

    void failed(int positions) {
        failed.add(positions);
    }

    Snapshot snapshot() {
        return new Snapshot(stored.sum(), rejected.sum(), unknownDevice.sum(), overloaded.sum(), failed.sum(),
                batches.sum(), batchNanosTotal.sum(), batchNanosMax.get(), pending.getAsInt());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        count(registry, "atalaya.tracking.positions.stored", "positions stored", stored);
        count(registry, "atalaya.tracking.positions.rejected", "reports refused as impossible", rejected);
        count(registry, "atalaya.tracking.positions.unknown.device", "reports from unregistered devices", unknownDevice);
        count(registry, "atalaya.tracking.positions.overloaded", "positions refused because too many waited",
                overloaded);
        count(registry, "atalaya.tracking.positions.failed", "positions whose batch could not be stored", failed);
        FunctionTimer.builder("atalaya.tracking.batches", this, counters -> counters.batches.sum(),
                        counters -> counters.batchNanosTotal.sum(), TimeUnit.NANOSECONDS)
                .description("batches of positions written, and their time to commit").register(registry);
        Gauge.builder("atalaya.tracking.positions.pending", this, counters -> counters.pending.getAsInt())
                .description("positions waiting to be written").register(registry);
    }

    private static void count(MeterRegistry registry, String name, String description, LongAdder adder) {
        FunctionCounter.builder(name, adder, LongAdder::sum).description(description).register(registry);
    }
}
