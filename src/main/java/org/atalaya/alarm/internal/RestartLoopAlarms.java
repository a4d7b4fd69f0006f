package org.atalaya.alarm.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atalaya.alarm.AlarmProperties;
import org.atalaya.alarm.AlarmSignal;
import org.atalaya.media.SupervisionListener;
import org.atalaya.media.SupervisionStatus;
import org.springframework.stereotype.Component;

/**
 * Raises {@code process.restart-loop} when a supervised video process has failed the configured number of times in a
 * row, and folds each further failure into it. The camera is read from the process's key ({@code recording-<id>},
 * {@code live-<id>-main|sub}, {@code analytics-<id>}). The supervisor's thread only hands the signal over.
 */
@Component
class RestartLoopAlarms implements SupervisionListener {

    private static final Pattern CAMERA_KEY =
            Pattern.compile("^(?:recording-(\\d+)|analytics-(\\d+)|live-(\\d+)-(?:main|sub))$");

    private final SystemAlarms alarms;
    private final AlarmProperties properties;

    RestartLoopAlarms(SystemAlarms alarms, AlarmProperties properties) {
        this.alarms = alarms;
        this.properties = properties;
    }

    @Override
    public void statusChanged(SupervisionStatus status) {
        if (status.state() != SupervisionStatus.State.WAITING_TO_RESTART
                || status.consecutiveFailures() < properties.restartLoopFailures()) {
            return;
        }
        String detail = status.key() + " failed " + status.consecutiveFailures() + " times in a row"
                + (status.lastFailure() == null ? "" : ": " + status.lastFailure().describe());
        String dedupKey = "process.restart-loop:" + status.key();
        Instant at = status.lastFailure() == null ? status.since() : status.lastFailure().at();
        AlarmSignal signal = cameraOf(status.key())
                .map(camera -> alarms.forCamera("process.restart-loop", dedupKey, camera, at, detail))
                .orElseGet(() -> new AlarmSignal("process.restart-loop", "video process " + status.key(), dedupKey,
                        at, List.of(), null, null, detail));
        Thread.ofVirtual().name("alarm-restart-loop").start(() -> alarms.raise(signal));
    }

    static Optional<Long> cameraOf(String key) {
        Matcher matcher = CAMERA_KEY.matcher(key);
        if (!matcher.matches()) return Optional.empty();
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) return Optional.of(Long.parseLong(matcher.group(group)));
        }
        return Optional.empty();
    }
}
