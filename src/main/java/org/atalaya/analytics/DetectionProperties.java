package org.atalaya.analytics;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How motion and tamper are judged on the analysed cameras' frames.
 *
 * @param motionQuietPeriod      an episode of motion ends after this long without motion; only then can the camera
 *                               raise motion again (5 seconds by default)
 * @param tamperConfirmation     how long a camera must look covered, defocused or moved before it is reported, and
 *                               how long it must look normal again before a new report (3 seconds by default)
 * @param tamperBaselineLearning how long each camera's normal picture (brightness, detail, sharpness, a small
 *                               reference picture) is learned from its first frames; after that it follows slow
 *                               changes only (10 seconds by default)
 * @param timeZone               the time zone of the cameras' arming schedules (the server's zone by default)
 * @param settingsRefresh        how often each camera's analytics settings are read again, in case they were changed
 *                               on another server (30 seconds by default)
 */
@ConfigurationProperties("atalaya.analytics.detection")
public record DetectionProperties(Duration motionQuietPeriod, Duration tamperConfirmation,
                                  Duration tamperBaselineLearning, ZoneId timeZone, Duration settingsRefresh) {

    public DetectionProperties {
        motionQuietPeriod = positiveOr(motionQuietPeriod, Duration.ofSeconds(5));
        tamperConfirmation = positiveOr(tamperConfirmation, Duration.ofSeconds(3));
        tamperBaselineLearning = positiveOr(tamperBaselineLearning, Duration.ofSeconds(10));
        if (timeZone == null) timeZone = ZoneId.systemDefault();
        settingsRefresh = positiveOr(settingsRefresh, Duration.ofSeconds(30));
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
