package org.atalaya.analytics;

import java.time.Instant;

/**
 * Motion began in a camera's picture: it covered at least a zone's minimum area for at least the minimum duration,
 * while the camera was armed. Published once per episode of motion, not per frame.
 *
 * @param at          when the motion began (the first frame of the episode)
 * @param zone        the name of the zone it was seen in
 * @param areaPercent the share of the zone that moved, 0 to 100
 */
public record MotionDetected(long cameraId, Instant at, String zone, double areaPercent) {
}
