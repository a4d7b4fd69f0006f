package org.atalaya.responder.internal;

import java.time.Instant;
import org.atalaya.tracking.UnitPosition;

/**
 * A position the responder's phone sent, as the browser's geolocation gives it.
 *
 * @param latitude  WGS 84 degrees
 * @param longitude WGS 84 degrees
 * @param accuracy  metres, null when unknown
 * @param speed     metres per second, null when unknown
 * @param heading   degrees clockwise from north, null when unknown (a browser gives none when standing still)
 * @param timestamp when the phone took the fix, milliseconds since 1970; null for now
 */
record PositionReport(Double latitude, Double longitude, Double accuracy, Double speed, Double heading,
                      Long timestamp) {

    /**
     * The position of the unit, taken at the phone's time of the fix unless that lies ahead of the server's clock
     * (a phone whose clock runs fast cannot have taken a fix in the future).
     *
     * @throws ResponderProblem when a value cannot be true
     */
    UnitPosition of(long unitId, Instant now) {
        double lat = within("latitude", latitude, -90, 90);
        double lon = within("longitude", longitude, -180, 180);
        if (accuracy != null) within("accuracy", accuracy, 0, Double.MAX_VALUE);
        if (speed != null) within("speed", speed, 0, Double.MAX_VALUE);
        if (heading != null) within("heading", heading, 0, 360);
        Instant at = timestamp == null ? now : Instant.ofEpochMilli(timestamp);
        return new UnitPosition(unitId, lat, lon, at.isAfter(now) ? now : at, speed, heading, accuracy);
    }

    private static double within(String name, Double value, double lowest, double highest) {
        if (value == null) {
            throw ResponderProblem.badPosition("The position has no " + name + ".",
                    "responder.error.position." + name + ".missing");
        }
        if (!Double.isFinite(value) || value < lowest || value > highest) {
            String range = highest == Double.MAX_VALUE ? "at least " + (long) lowest
                    : "between " + (long) lowest + " and " + (long) highest;
            throw ResponderProblem.badPosition("The " + name + " must be " + range + " (got " + value + ").",
                    "responder.error.position." + name, value);
        }
        return value;
    }
}
