package org.atalaya.audit.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When to sign: once {@code everyEntries} entries wait for a checkpoint, or once the oldest waiting entry is
 * {@code interval} old, so every entry is covered by a signature soon after it is written.
 */
record CheckpointPolicy(int everyEntries, Duration interval) {

    boolean enoughEntries(long uncovered) {
        return uncovered >= everyEntries;
    }

    boolean isDue(long uncovered, Instant oldestUncoveredAt, Instant now) {
        if (uncovered <= 0) return false;
        return enoughEntries(uncovered) || !now.isBefore(oldestUncoveredAt.plus(interval));
    }

    /** How often the worker looks: a tenth of the interval, kept between 200 ms and 5 s. */
    Duration pollEvery() {
        Duration tenth = interval.dividedBy(10);
        if (tenth.compareTo(Duration.ofMillis(200)) < 0) return Duration.ofMillis(200);
        return tenth.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : tenth;
    }
}
