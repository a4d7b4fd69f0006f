package org.atalaya.map.internal;

import java.time.Instant;

/**
 * One camera's status, as the map's event stream sends it. A client keeps, for each camera, the update with the
 * latest {@code since}.
 *
 * @param status        online, offline, error, idle, or unknown when no status has been reported
 * @param statusText    the status in the reader's language
 * @param problem       what is wrong, in the reader's language; null when nothing is
 * @param problemDetail what is wrong as the camera's reader saw it; null when nothing is
 * @param since         since when the camera has this status; null when unknown
 */
record StatusUpdate(long cameraId, String status, String statusText, String problem, String problemDetail,
                    Instant since) {
}
