package org.atalaya.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.atalaya.camera.RegisteredCamera;
import org.junit.jupiter.api.Test;

/** Which cameras see a point: range, field of view around the heading, and cameras that see all around. */
class CameraCoverageTest {

    static final double LATITUDE = -24.186;
    static final double LONGITUDE = -65.299;
    static final double METRES_PER_DEGREE = Math.PI * Geo.EARTH_RADIUS_M / 180;

    private static RegisteredCamera camera(Double heading, Double fov, Double range) {
        return new RegisteredCamera(1, "Gate", "centre", true, false, 30, LATITUDE, LONGITUDE, heading, fov, range,
                false, false);
    }

    /** The point {@code metres} away from the camera along the bearing (degrees clockwise from north). */
    private static double[] away(double bearing, double metres) {
        double north = Math.cos(Math.toRadians(bearing)) * metres / METRES_PER_DEGREE;
        double east = Math.sin(Math.toRadians(bearing)) * metres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(LATITUDE)));
        return new double[]{LATITUDE + north, LONGITUDE + east};
    }

    private static boolean sees(RegisteredCamera camera, double[] point) {
        return CameraCoverage.distanceIfCovered(camera, point[0], point[1], 250).isPresent();
    }

    @Test
    void aPointAheadWithinRangeAndFieldOfViewIsSeenAtItsDistance() {
        double[] point = away(95, 80);
        var distance = CameraCoverage.distanceIfCovered(camera(90.0, 60.0, 100.0), point[0], point[1], 250);
        assertThat(distance).isPresent();
        assertThat(distance.getAsDouble()).isBetween(79.0, 81.0);
    }

    @Test
    void aPointOutsideTheFieldOfViewIsNotSeen() {
        assertThat(sees(camera(90.0, 60.0, 100.0), away(125, 50))).isFalse();
        assertThat(sees(camera(90.0, 60.0, 100.0), away(118, 50))).isTrue();
    }

    @Test
    void aPointBehindTheCameraIsNotSeen() {
        assertThat(sees(camera(90.0, 60.0, 100.0), away(270, 20))).isFalse();
    }

    @Test
    void aPointBeyondTheRangeIsNotSeen() {
        assertThat(sees(camera(90.0, 60.0, 100.0), away(90, 120))).isFalse();
    }

    @Test
    void aFieldOfViewAcrossNorthWrapsAround() {
        assertThat(sees(camera(350.0, 40.0, 100.0), away(5, 50))).isTrue();
        assertThat(sees(camera(350.0, 40.0, 100.0), away(15, 50))).isFalse();
    }

    @Test
    void aCameraWithoutHeadingOrFieldOfViewSeesAllAroundWithinItsRange() {
        assertThat(sees(camera(null, null, 100.0), away(270, 90))).isTrue();
        assertThat(sees(camera(90.0, null, 100.0), away(200, 90))).isTrue();
        assertThat(sees(camera(null, null, 100.0), away(270, 110))).isFalse();
    }

    @Test
    void aCameraWithoutRangeSeesAsFarAsTheDefault() {
        assertThat(sees(camera(null, null, null), away(10, 240))).isTrue();
        assertThat(sees(camera(null, null, null), away(10, 260))).isFalse();
    }

    @Test
    void aCameraWithoutPlaceSeesNothing() {
        RegisteredCamera unplaced = new RegisteredCamera(2, "Loose", "centre", true, false, 30, null, null, null,
                null, null, false, false);
        assertThat(CameraCoverage.distanceIfCovered(unplaced, LATITUDE, LONGITUDE, 250)).isEmpty();
    }
}
