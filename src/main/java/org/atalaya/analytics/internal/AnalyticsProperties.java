package org.atalaya.analytics.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether video is analysed at all, and how the connections of analysed cameras that are not recorded are kept.
 * How many frames are decoded, and how large, is the camera module's (see {@code atalaya.camera.analytics-*}).
 *
 * @param enabled           analyse the cameras marked as analysed (default true); false decodes no frames at all
 * @param reconcileInterval how often the analytics-only connections are checked against the cameras and the
 *                          recorder (default 5 s), e.g. to take over a camera whose recording stopped for want of
 *                          space
 */
@ConfigurationProperties("atalaya.analytics")
record AnalyticsProperties(Boolean enabled, Duration reconcileInterval) {

    AnalyticsProperties {
        if (enabled == null) enabled = true;
        if (reconcileInterval == null || reconcileInterval.isNegative() || reconcileInterval.isZero()) {
            reconcileInterval = Duration.ofSeconds(5);
        }
    }
}
