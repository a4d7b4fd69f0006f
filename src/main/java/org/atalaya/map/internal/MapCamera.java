package org.atalaya.map.internal;

import java.time.Instant;
import org.atalaya.camera.RegisteredCamera;

/**
 * A camera as the map draws it.
 *
 * @param lat           WGS 84 degrees; null (with {@code lon}) when the camera has not been placed
 * @param heading       the direction it looks, degrees clockwise from north; null when not known
 * @param fov           its horizontal field of view in degrees; null when not known
 * @param range         how far it usefully sees, in metres; null when not known
 * @param status        online, offline, error, idle, or unknown when no status has been reported
 * @param statusText    the status in the reader's language
 * @param problem       what is wrong, in the reader's language; null when nothing is
 * @param problemDetail what is wrong as the camera's reader saw it (e.g. ffmpeg's own words); null when nothing is
 * @param since         since when the camera has this status; null when unknown
 */
record MapCamera(long id, String name, Double lat, Double lon, Double heading, Double fov, Double range,
                 String status, String statusText, String problem, String problemDetail, Instant since, Links links) {

    /**
     * Console pages about the camera that the reader may open.
     *
     * @param live     the camera's live view; null without live-view permission for its group
     * @param wall     the video wall with this camera put on it; null without live-view permission for its group
     * @param playback the camera's recordings; null without playback permission for its group
     */
    record Links(String live, String wall, String playback) {
    }

    static MapCamera of(RegisteredCamera camera, StatusUpdate status, Links links) {
        return new MapCamera(camera.id(), camera.name(), camera.latitude(), camera.longitude(), camera.headingDeg(),
                camera.fovDeg(), camera.rangeM(), status.status(), status.statusText(), status.problem(),
                status.problemDetail(), status.since(), links);
    }
}
