package org.atalaya.media.internal;

import java.time.Duration;
import java.util.List;
import org.atalaya.media.MediaProperties;

/**
 * When a supervised process is restarted.
 *
 * @param noOutputTimeout a run that sends nothing for this long is stopped
 * @param restartDelays   the wait before the 1st, 2nd, ... restart in a row; the last one repeats
 * @param healthyAfter    a run that produced output for this long resets the sequence of delays
 */
record SupervisionPolicy(Duration noOutputTimeout, List<Duration> restartDelays, Duration healthyAfter) {

    SupervisionPolicy {
        restartDelays = List.copyOf(restartDelays);
        if (restartDelays.isEmpty()) throw new IllegalArgumentException("at least one restart delay is needed");
    }

    static SupervisionPolicy from(MediaProperties properties) {
        return new SupervisionPolicy(properties.noOutputTimeout(), properties.restartDelays(),
                properties.healthyAfter());
    }

    /** The wait after {@code failuresBefore} failed runs in a row and one more. */
    Duration restartDelay(int failuresBefore) {
        return restartDelays.get(Math.min(failuresBefore, restartDelays.size() - 1));
    }
}
