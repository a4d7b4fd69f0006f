package org.atalaya.dispatch.internal;

/** Distances on the earth taken as a sphere: exact to a few metres in a city, which is all an estimate needs. */
final class GreatCircle {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private GreatCircle() {
    }

    /** Metres between two points, by the haversine formula. */
    static double metres(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
        double phi1 = Math.toRadians(fromLatitude);
        double phi2 = Math.toRadians(toLatitude);
        double halfDeltaPhi = (phi2 - phi1) / 2;
        double halfDeltaLambda = Math.toRadians(toLongitude - fromLongitude) / 2;
        double a = Math.sin(halfDeltaPhi) * Math.sin(halfDeltaPhi)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(halfDeltaLambda) * Math.sin(halfDeltaLambda);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
