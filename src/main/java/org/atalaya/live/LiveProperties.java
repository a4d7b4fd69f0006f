package org.atalaya.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How live video reaches viewers.
 *
 * @param viewerBacklog how much video may wait for one viewer; a viewer further behind skips ahead to the next
 *                      keyframe (the video a viewer joins with, up to the last keyframe, comes on top)
 * @param maxSkips      a viewer that had to skip ahead this many times within a minute is disconnected (its player
 *                      reconnects by itself)
 * @param keepAlive     a camera connection opened only for live viewers (a camera that is not recorded, or a
 *                      sub-stream) is kept this long after its last viewer leaves, so that switching tiles is quick
 */
@ConfigurationProperties("atalaya.live")
public record LiveProperties(Duration viewerBacklog, int maxSkips, Duration keepAlive) {

    public LiveProperties {
        if (viewerBacklog == null || viewerBacklog.isNegative() || viewerBacklog.isZero()) {
            viewerBacklog = Duration.ofSeconds(2);
        }
        if (maxSkips <= 0) maxSkips = 5;
        if (keepAlive == null || keepAlive.isNegative()) keepAlive = Duration.ofSeconds(30);
    }
}
