package org.atalaya.telephony;

/**
 * Where the caller is, as the network or the caller's device reported it: a point (with an uncertainty radius when
 * the shape was a circle) and/or a civic address. At least one of the two is present.
 *
 * @param latitude     WGS 84 degrees, null when only a civic address was given
 * @param longitude    WGS 84 degrees, null when only a civic address was given
 * @param radiusMetres the uncertainty circle's radius; null for a point
 * @param civicAddress the civic address in one line (street, number, town...), null when none was given
 */
public record CallerLocation(Double latitude, Double longitude, Double radiusMetres, String civicAddress) {

    public CallerLocation {
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude go together");
        }
        if (latitude == null && (civicAddress == null || civicAddress.isBlank())) {
            throw new IllegalArgumentException("a location needs coordinates or a civic address");
        }
    }

    public boolean hasPoint() {
        return latitude != null;
    }
}
