package org.atalaya.kpi.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * One measured response time.
 *
 * @param startedAt when the measured span began (the instant that places it in a period)
 * @param target    the time it should have taken at most, null when there is no target
 * @param agency    the agency of the unit it belongs to, null for calls
 * @param typeCode  the incident type, null for a call that belongs to no incident
 */
record Sample(Measure measure, Instant startedAt, Duration duration, Duration target, String agency,
              String typeCode) {

    boolean withinTarget() {
        return target != null && duration.compareTo(target) <= 0;
    }
}
