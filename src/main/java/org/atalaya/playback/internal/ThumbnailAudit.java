package org.atalaya.playback.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.atalaya.access.CurrentUser;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.playback.PlaybackProperties;
import org.springframework.stereotype.Component;

/**
 * The audit of timeline thumbnails. A thumbnail shows recorded video, so looking at thumbnails is audited like
 * playback, with the reason and case; but a pointer moving over the timeline asks for dozens of pictures a minute,
 * so one entry is written per user, camera, case and recorded hour (the hour of the keyframe pictured, from the
 * full hour to the next), not one per picture. The server remembers the entries it wrote for
 * {@code atalaya.playback.thumbnails.audit-memory}; after that, or after a restart, the next picture of that hour
 * is audited again.
 */
@Component
class ThumbnailAudit {

    static final String ACTION = "recording.thumbnails";

    private record Look(String username, long cameraId, String caseNumber, Instant hour) {
    }

    private final AuditLog audit;
    private final Clock clock;
    private final Duration memory;
    private final Map<Look, Instant> written = new ConcurrentHashMap<>();

    ThumbnailAudit(AuditLog audit, Clock clock, PlaybackProperties properties) {
        this.audit = audit;
        this.clock = clock;
        this.memory = properties.thumbnails().auditMemory();
    }

    /** Audits the look at a picture of {@code keyframe}, unless this hour's look is already audited. */
    void recordLook(RegisteredCamera camera, Instant keyframe, PlaybackAccess.Purpose purpose) {
        SignedInUser user = CurrentUser.get().orElseThrow();
        Instant now = clock.instant();
        Instant hour = keyframe.truncatedTo(ChronoUnit.HOURS);
        Look look = new Look(user.username(), camera.id(), Objects.requireNonNullElse(purpose.caseNumber(), ""), hour);
        written.values().removeIf(at -> at.plus(memory).isBefore(now));
        if (written.putIfAbsent(look, now) != null) return;
        try {
            audit.record(AuditEvent.success(ACTION, camera.auditTarget())
                    .because(purpose.reason(), purpose.caseNumber())
                    .with("from", hour.toString())
                    .with("to", hour.plus(Duration.ofHours(1)).toString()));
        } catch (RuntimeException e) {
            written.remove(look);
            throw e;
        }
    }
}
