package org.atalaya.tracking.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.atalaya.tracking.UnitPosition;
import org.springframework.stereotype.Component;

/**
 * The newest valid fix of each unit, in memory. Loaded at start from the fixes of the last days; a fix that arrives
 * late (kept by a phone while it was offline) never replaces a newer one.
 */
@Component
class LatestPositions {

    static final Duration LOADED_AT_START = Duration.ofDays(2);

    private final ConcurrentHashMap<Long, UnitPosition> latest = new ConcurrentHashMap<>();

    LatestPositions(PositionStore store, Clock clock) {
        for (UnitPosition position : store.latestValidSince(clock.instant().minus(LOADED_AT_START))) {
            latest.put(position.unitId(), position);
        }
    }

    /** Keeps the position when it is newer than the unit's latest; true when it became the latest. */
    boolean offer(UnitPosition position) {
        UnitPosition kept = latest.merge(position.unitId(), position,
                (current, offered) -> offered.at().isAfter(current.at()) ? offered : current);
        return kept == position;
    }

    Optional<UnitPosition> of(long unitId) {
        return Optional.ofNullable(latest.get(unitId));
    }

    Collection<UnitPosition> all() {
        return List.copyOf(latest.values());
    }
}
