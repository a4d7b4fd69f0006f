package org.atalaya.tracking.internal;

import java.time.Instant;

/**
 * One fix as a device reported it, decoded and checked: coordinates in range, time not in the future. Unknown
 * values are null.
 *
 * @param batteryPct 0 to 100
 * @param valid      false when the device itself says the fix is not to be trusted (kept, never made latest)
 */
record DeviceFix(String deviceId, double latitude, double longitude, Instant fixedAt, Double speedMps,
                 Double headingDeg, Double altitudeMetres, Double accuracyMetres, Double hdop, Double batteryPct,
                 boolean valid) {
}
