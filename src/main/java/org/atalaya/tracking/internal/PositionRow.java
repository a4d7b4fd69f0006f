package org.atalaya.tracking.internal;

import java.time.Instant;

import org.atalaya.tracking.UnitPosition;

/**
 * One position as it is stored.
 *
 * @param deviceId null when the position came from the responder's page
 */
record PositionRow(long unitId, String deviceId, Instant fixedAt, Instant receivedAt, double latitude,
                   double longitude, Double speedMps, Double headingDeg, Double altitudeMetres, Double accuracyMetres,
                   Double hdop, Double batteryPct, boolean valid, Source source) {

    enum Source { OSMAND, RESPONDER_PAGE }

    static PositionRow of(long unitId, DeviceFix fix, Instant receivedAt) {
        return new PositionRow(unitId, fix.deviceId(), fix.fixedAt(), receivedAt, fix.latitude(), fix.longitude(),
                fix.speedMps(), fix.headingDeg(), fix.altitudeMetres(), fix.accuracyMetres(), fix.hdop(),
                fix.batteryPct(), fix.valid(), Source.OSMAND);
    }

    UnitPosition asUnitPosition() {
        return new UnitPosition(unitId, latitude, longitude, fixedAt, speedMps, headingDeg, accuracyMetres);
    }
}
