package org.atalaya.alarm.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atalaya.alarm.AlarmProperties;
import org.atalaya.camera.CameraStatus;
import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.camera.CameraStatuses;
import org.atalaya.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Raises {@code camera.offline} for a camera that stays offline or in error for the configured time: each such report
 * schedules a check for when that time is up, and the check raises the alarm only if the camera's latest status has
 * been failing at least that long by then (a camera back online in between raises nothing).
 */
@BackgroundWorker
class CameraOfflineAlarms implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CameraOfflineAlarms.class);

    private final SystemAlarms alarms;
    private final CameraStatuses statuses;
    private final AlarmProperties properties;
    private final Clock clock;
    private ScheduledExecutorService checks;

    CameraOfflineAlarms(SystemAlarms alarms, CameraStatuses statuses, AlarmProperties properties, Clock clock) {
        this.alarms = alarms;
        this.statuses = statuses;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CameraStatusChanged change) {
        if (!failing(change.status())) return;
        Duration wait = Duration.between(clock.instant(), change.since().plus(properties.cameraOfflineAfter()));
        schedule(change.cameraId(), wait.isNegative() ? Duration.ZERO : wait);
    }

    /** Raises the alarm if the camera's latest status has been failing for the configured time by now. */
    void check(long cameraId) {
        statuses.latest(cameraId)
                .filter(latest -> failing(latest.status()))
                .filter(latest -> !latest.since().plus(properties.cameraOfflineAfter()).isAfter(clock.instant()))
                .ifPresent(latest -> alarms.raise(alarms.forCamera("camera.offline", "camera.offline:" + cameraId,
                        cameraId, latest.since(), describe(latest))));
    }

    private static String describe(CameraStatusChanged status) {
        String state = status.status() == CameraStatus.ERROR ? "in error" : "offline";
        return state + " since " + status.since() + (status.problem() == null ? "" : ": " + status.problem());
    }

    private static boolean failing(CameraStatus status) {
        return status == CameraStatus.OFFLINE || status == CameraStatus.ERROR;
    }

    private synchronized void schedule(long cameraId, Duration wait) {
        if (checks == null) return;
        checks.schedule(() -> {
            try {
                check(cameraId);
            } catch (RuntimeException e) {
                log.error("Could not check whether camera {} is still offline: {}", cameraId, e.getMessage());
            }
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start() {
        checks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("alarm-camera-offline").daemon().factory());
    }

    @Override
    public synchronized void stop() {
        if (checks == null) return;
        checks.shutdownNow();
        checks = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return checks != null;
    }
}
