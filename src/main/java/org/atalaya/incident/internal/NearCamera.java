package org.atalaya.incident.internal;

/**
 * A camera whose view covers an incident's place, as the user may see it.
 *
 * @param distanceM   from the camera to the incident, metres
 * @param liveUrl     the camera's live page, null when the user may not watch it live
 * @param playbackUrl the camera's recordings from just before the incident's call, with the incident as the reason
 *                    and case; null when the user may not watch its recordings
 */
record NearCamera(long id, String name, double latitude, double longitude, Double headingDeg, Double fovDeg,
                  Double rangeM, long distanceM, String liveUrl, String playbackUrl) {
}
