package org.atalaya.incident.internal;

import java.util.OptionalDouble;

import org.atalaya.camera.RegisteredCamera;

/**
 * Whether a camera's view covers a point: within its range, and within its field of view around its heading. A
 * camera without a heading or a field of view is taken to see all around.
 */
final class CameraCoverage {

    private CameraCoverage() {
    }

    /**
     * The distance in metres from the camera to the point when the camera sees it, empty when it does not (or the
     * camera has no place).
     *
     * @param defaultRange how far a camera without a range of its own is taken to see, metres
     */
    static OptionalDouble distanceIfCovered(RegisteredCamera camera, double latitude, double longitude,
                                           double defaultRange) {
        if (camera.latitude() == null || camera.longitude() == null) return OptionalDouble.empty();
        double distance = Geo.distanceMetres(camera.latitude(), camera.longitude(), latitude, longitude);
        double range = camera.rangeM() == null || camera.rangeM() <= 0 ? defaultRange : camera.rangeM();
        if (distance > range) return OptionalDouble.empty();
        if (camera.headingDeg() == null || camera.fovDeg() == null || camera.fovDeg() >= 360 || distance < 1) {
            return OptionalDouble.of(distance);
        }
        double bearing = Geo.bearingDegrees(camera.latitude(), camera.longitude(), latitude, longitude);
        return Geo.angleBetween(bearing, camera.headingDeg()) <= camera.fovDeg() / 2
                ? OptionalDouble.of(distance) : OptionalDouble.empty();
    }
}
