package org.atalaya.alarm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the alarm queue takes signals in and which system conditions raise alarms.
 *
 * @param floodThreshold      a source that opens more than this many new alarms within {@code floodWindow} is
 *                            flooding: its further signals fold into one open alarm {@code flood:<source>}
 * @param floodWindow         the time span over which a source's new alarms are counted for flood control
 * @param cameraOfflineAfter  a camera that stays offline or in error this long raises a {@code camera.offline} alarm
 * @param recordingGapMin     a recording gap at least this long raises a {@code recording.gap} alarm
 * @param restartLoopFailures a supervised video process that fails this many times in a row raises a
 *                            {@code process.restart-loop} alarm
 */
@ConfigurationProperties("atalaya.alarm")
public record AlarmProperties(int floodThreshold, Duration floodWindow, Duration cameraOfflineAfter,
                              Duration recordingGapMin, int restartLoopFailures) {

    public AlarmProperties {
        if (floodThreshold <= 0) floodThreshold = 20;
        if (floodWindow == null || floodWindow.isNegative() || floodWindow.isZero()) floodWindow = Duration.ofSeconds(60);
        if (cameraOfflineAfter == null || cameraOfflineAfter.isNegative()) cameraOfflineAfter = Duration.ofSeconds(30);
        if (recordingGapMin == null || recordingGapMin.isNegative()) recordingGapMin = Duration.ofSeconds(10);
        if (restartLoopFailures <= 0) restartLoopFailures = 5;
    }
}
