package org.atalaya.analytics.internal;

import java.time.Duration;
import java.util.List;

/**
 * How a camera is analysed. Zone polygons are in picture coordinates from 0 to 1 (x to the right, y down), so they
 * hold whatever the frame size.
 *
 * @param motionEnabled whether motion raises alarms at all
 * @param zones         where motion counts ({@link Zone.Kind#DETECT}) and where it never does
 *                      ({@link Zone.Kind#EXCLUDE}); with no detect zone the whole picture is one zone named "all"
 * @param minDuration   how long motion must last before it counts
 * @param schedule      when motion is armed; empty means always
 * @param tamperEnabled whether covering, defocusing or moving the camera raises alarms
 */
record AnalyticsSettings(long cameraId, boolean motionEnabled, List<Zone> zones, Duration minDuration,
                         List<ArmingWindow> schedule, boolean tamperEnabled) {

    AnalyticsSettings {
        zones = List.copyOf(zones);
        schedule = List.copyOf(schedule);
    }

    /** What a camera gets before anyone configures it: motion over the whole picture, tamper on, always armed. */
    static AnalyticsSettings defaults(long cameraId) {
        return new AnalyticsSettings(cameraId, true, List.of(), Duration.ofSeconds(1), List.of(), true);
    }
}
