package org.atalaya.tracking;

import java.util.Collection;
import java.util.Optional;

/** The units' positions. */
public interface UnitPositions {

    /** The latest position of a unit, from memory. */
    Optional<UnitPosition> latest(long unitId);

    /** The latest position of every unit that has one, from memory. */
    Collection<UnitPosition> latestOfAll();

    /**
     * Stores a position reported other than through a device (the responder's phone page). Throws an
     * {@link IllegalArgumentException} with the reason when the position is impossible.
     */
    void report(UnitPosition position);
}
