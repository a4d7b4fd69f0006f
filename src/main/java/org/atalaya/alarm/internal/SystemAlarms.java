package org.atalaya.alarm.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.atalaya.alarm.AlarmProperties;
import org.atalaya.alarm.AlarmSignal;
import org.atalaya.analytics.MotionDetected;
import org.atalaya.analytics.TamperDetected;
import org.atalaya.audit.AuditWriteFailed;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.recording.RecordingGap;
import org.atalaya.recording.StorageExhausted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Raises the alarms other modules' events call for: motion and tampering seen by analytics, recording gaps, recording
 * storage at its floor, and an audit log that cannot be written. A listener that fails logs why and lets the event
 * go: an alarm that cannot be raised must not break the module that reported it.
 */
@Component
class SystemAlarms {

    private static final Logger log = LoggerFactory.getLogger(SystemAlarms.class);

    private final JdbcAlarmIntake intake;
    private final CameraCatalog cameras;
    private final AlarmProperties properties;

    SystemAlarms(JdbcAlarmIntake intake, CameraCatalog cameras, AlarmProperties properties) {
        this.intake = intake;
        this.cameras = cameras;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(MotionDetected motion) {
        raise(forCamera("motion", "motion:" + motion.cameraId(), motion.cameraId(), motion.at(),
                "motion in zone " + motion.zone() + " (" + motion.areaPercent() + " % of it)"));
    }

    @ApplicationModuleListener
    void on(TamperDetected tamper) {
        String type = "tamper." + tamper.kind().name().toLowerCase(Locale.ROOT);
        raise(forCamera(type, type + ":" + tamper.cameraId(), tamper.cameraId(), tamper.at(), tamper.detail()));
    }

    @ApplicationModuleListener
    void on(RecordingGap gap) {
        Duration length = Duration.between(gap.startedAt(), gap.endedAt());
        if (length.compareTo(properties.recordingGapMin()) < 0) return;
        raise(forCamera("recording.gap", "recording.gap:" + gap.cameraId(), gap.cameraId(), gap.startedAt(),
                "not recorded for " + length.toSeconds() + " s, from " + gap.startedAt() + " to " + gap.endedAt()
                        + ": " + gap.reason()));
    }

    @ApplicationModuleListener
    void on(StorageExhausted exhausted) {
        raise(new AlarmSignal("storage.floor", "recording storage", "storage.floor:" + exhausted.storage(),
                exhausted.at(), List.of(), null, null, exhausted.reason()));
    }

    /**
     * Heard synchronously inside the failing caller, whose transaction may be rolling back: the alarm is raised on a
     * thread of its own, in a transaction of its own and without an audit entry (the audit log is what failed).
     */
    @EventListener
    void on(AuditWriteFailed failure) {
        var signal = new AlarmSignal("audit.write-failure", "audit log", "audit.write-failure", failure.at(),
                List.of(), null, null, "an audit entry could not be written: " + failure.reason());
        Thread.ofVirtual().name("alarm-audit-failure").start(() -> {
            try {
                intake.raiseUnaudited(signal);
            } catch (RuntimeException e) {
                log.error("Could not raise the alarm for an audit write failure: {}", e.getMessage());
            }
        });
    }

    /** A signal from a camera: its source names the camera, which is attached with its place. */
    AlarmSignal forCamera(String type, String dedupKey, long cameraId, Instant at, String detail) {
        String name = cameras.find(cameraId).map(RegisteredCamera::name).orElse("");
        String source = ("camera " + cameraId + " " + name).strip();
        return new AlarmSignal(type, source, dedupKey, at, List.of(cameraId), null, null, detail);
    }

    void raise(AlarmSignal signal) {
        try {
            intake.raise(signal);
        } catch (RuntimeException e) {
            log.error("Could not raise a {} alarm from {}: {}", signal.type(), signal.source(), e.getMessage());
        }
    }
}
