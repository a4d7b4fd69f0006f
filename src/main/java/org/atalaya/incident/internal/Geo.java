package org.atalaya.incident.internal;

/** Distances and bearings on a spherical earth: exact enough for a street's length. */
final class Geo {

    static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double METRES_PER_DEGREE_OF_LATITUDE = Math.PI * EARTH_RADIUS_M / 180;

    private Geo() {
    }

    /** The great-circle distance in metres (haversine). */
    static double distanceMetres(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
        double phi1 = Math.toRadians(fromLatitude);
        double phi2 = Math.toRadians(toLatitude);
        double deltaPhi = phi2 - phi1;
        double deltaLambda = Math.toRadians(toLongitude - fromLongitude);
        double a = Math.pow(Math.sin(deltaPhi / 2), 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(deltaLambda / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The initial bearing from the first point to the second, degrees clockwise from north in [0, 360). */
    static double bearingDegrees(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
        double phi1 = Math.toRadians(fromLatitude);
        double phi2 = Math.toRadians(toLatitude);
        double deltaLambda = Math.toRadians(toLongitude - fromLongitude);
        double y = Math.sin(deltaLambda) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(deltaLambda);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }

    /** The smallest angle between two directions, in [0, 180]. */
    static double angleBetween(double firstDegrees, double secondDegrees) {
        double difference = Math.abs(firstDegrees - secondDegrees) % 360;
        return difference > 180 ? 360 - difference : difference;
    }

    /** A box of latitudes and longitudes that holds every point within {@code metres} of the centre. */
    record Box(double south, double north, double west, double east) {
    }

    static Box around(double latitude, double longitude, double metres) {
        double latitudeSpan = metres / METRES_PER_DEGREE_OF_LATITUDE;
        double cosine = Math.max(Math.cos(Math.toRadians(latitude)), 0.01);
        double longitudeSpan = Math.min(180, latitudeSpan / cosine);
        return new Box(latitude - latitudeSpan, latitude + latitudeSpan, longitude - longitudeSpan,
                longitude + longitudeSpan);
    }
}
