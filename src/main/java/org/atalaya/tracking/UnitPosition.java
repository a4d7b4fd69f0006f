package org.atalaya.tracking;

import java.time.Instant;

/**
 * Where a unit was at an instant.
 *
 * @param at             when the device took the fix (not when it arrived)
 * @param speedMps       metres per second, null when unknown
 * @param headingDeg     degrees clockwise from north, null when unknown
 * @param accuracyMetres null when unknown
 */
public record UnitPosition(long unitId, double latitude, double longitude, Instant at, Double speedMps,
                           Double headingDeg, Double accuracyMetres) {
}
