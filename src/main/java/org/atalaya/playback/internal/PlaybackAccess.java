package org.atalaya.playback.internal;

import java.util.List;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.springframework.stereotype.Component;

/**
 * Who may see a camera's recordings, and the audit entry of each view of recorded video: a camera the user may not
 * see at all is not found; one they may see but not play back is refused (and the refusal audited).
 */
@Component
class PlaybackAccess {

    static final int LONGEST_REASON = 500;
    static final int LONGEST_CASE = 100;

    /** @param caseNumber the case the viewing belongs to, or null */
    record Purpose(String reason, String caseNumber) {
    }

    private final CameraCatalog cameras;
    private final AuditLog audit;

    PlaybackAccess(CameraCatalog cameras, AuditLog audit) {
        this.cameras = cameras;
        this.audit = audit;
    }

    /** The cameras whose recordings the signed-in user may see, by name. */
    List<RegisteredCamera> watchable() {
        SignedInUser user = CurrentUser.get().orElseThrow();
        return cameras.all().stream().filter(camera -> mayWatch(user, camera)).toList();
    }

    /** The camera, if the signed-in user may see its recordings. */
    RegisteredCamera camera(long cameraId, String refusedAction) {
        SignedInUser user = CurrentUser.get().orElseThrow(() -> PlaybackProblem.noCamera(cameraId));
        RegisteredCamera camera = cameras.find(cameraId)
                .filter(found -> user.can(Permission.CAMERA_VIEW, found.cameraGroup()))
                .orElseThrow(() -> PlaybackProblem.noCamera(cameraId));
        if (!mayWatch(user, camera)) {
            if (refusedAction != null) audit.record(AuditEvent.denied(refusedAction, camera.auditTarget()));
            throw PlaybackProblem.notAllowed();
        }
        return camera;
    }

    private static boolean mayWatch(SignedInUser user, RegisteredCamera camera) {
        return user.can(Permission.CAMERA_VIEW, camera.cameraGroup())
                && user.can(Permission.PLAYBACK_VIEW, camera.cameraGroup());
    }

    /** The reason and case number given for viewing recorded video; a reason is required. */
    static Purpose purpose(String reason, String caseNumber) {
        String givenReason = reason == null ? "" : reason.strip();
        if (givenReason.isEmpty()) throw PlaybackProblem.invalid(PlaybackProblem.REASON_REQUIRED);
        if (givenReason.length() > LONGEST_REASON) {
            throw PlaybackProblem.invalid("The reason may be at most " + LONGEST_REASON + " characters long.");
        }
        String givenCase = caseNumber == null || caseNumber.isBlank() ? null : caseNumber.strip();
        if (givenCase != null && givenCase.length() > LONGEST_CASE) {
            throw PlaybackProblem.invalid("The case number may be at most " + LONGEST_CASE + " characters long.");
        }
        return new Purpose(givenReason, givenCase);
    }

    /** Writes the audit entry of a view of recorded video; nothing may be sent before it is written. */
    void recordViewing(String action, RegisteredCamera camera, TimeRange range, Purpose purpose) {
        audit.record(AuditEvent.success(action, camera.auditTarget())
                .because(purpose.reason(), purpose.caseNumber())
                .with("from", range.from().toString())
                .with("to", range.to().toString()));
    }
}
