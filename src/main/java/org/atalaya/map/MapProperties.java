package org.atalaya.map;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console map. Without a tile server it draws a plain dark background with a grid and a scale, so a control room
 * on a closed network needs nothing from outside.
 *
 * @param tileUrl            the address of a base-map tile server, with {@code {z}}, {@code {x}} and {@code {y}}
 *                           (e.g. {@code /tiles/{z}/{x}/{y}.png} behind the same reverse proxy); empty for no base
 *                           map
 * @param attribution        the credit the tile server's licence asks for, shown in a corner of the map (HTML)
 * @param centerLatitude     where the map opens when no camera has a place, WGS 84 degrees
 * @param centerLongitude    where the map opens when no camera has a place, WGS 84 degrees
 * @param zoom               how close the map opens when no camera has a place, 1 (the world) to 19 (a street)
 * @param statusStreamLength how long one stream of status changes stays open; the browser then opens a new one,
 *                           which checks the session and the user's permissions again
 */
@ConfigurationProperties("atalaya.map")
public record MapProperties(String tileUrl, String attribution, Double centerLatitude, Double centerLongitude,
                            Integer zoom, Duration statusStreamLength) {

    private static final double SAN_SALVADOR_DE_JUJUY_LATITUDE = -24.1858;
    private static final double SAN_SALVADOR_DE_JUJUY_LONGITUDE = -65.2995;
    private static final int NEIGHBOURHOOD_ZOOM = 15;

    public MapProperties {
        tileUrl = tileUrl == null ? "" : tileUrl.strip();
        if (!tileUrl.isEmpty() && !(tileUrl.startsWith("https://") || tileUrl.startsWith("http://")
                || tileUrl.startsWith("/"))) {
            throw new IllegalArgumentException("atalaya.map.tile-url must start with https://, http:// or / (got "
                    + tileUrl + ")");
        }
        attribution = attribution == null ? "" : attribution.strip();
        centerLatitude = within("center-latitude", centerLatitude, SAN_SALVADOR_DE_JUJUY_LATITUDE, -90, 90);
        centerLongitude = within("center-longitude", centerLongitude, SAN_SALVADOR_DE_JUJUY_LONGITUDE, -180, 180);
        zoom = (int) within("zoom", zoom == null ? null : zoom.doubleValue(), NEIGHBOURHOOD_ZOOM, 1, 19);
        if (statusStreamLength == null || statusStreamLength.isNegative() || statusStreamLength.isZero()) {
            statusStreamLength = Duration.ofMinutes(5);
        }
    }

    private static double within(String key, Double value, double fallback, double lowest, double highest) {
        if (value == null) return fallback;
        if (value < lowest || value > highest || value.isNaN()) {
            throw new IllegalArgumentException("atalaya.map." + key + " must be between " + lowest + " and "
                    + highest + " (got " + value + ")");
        }
        return value;
    }
}
