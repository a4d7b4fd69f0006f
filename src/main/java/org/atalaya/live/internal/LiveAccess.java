package org.atalaya.live.internal;

import java.time.Duration;

import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.springframework.stereotype.Component;

/**
 * Who may watch a camera live, and the audit entries of each live view: a camera the user may not see at all is not
 * found; one they may see but not watch live is refused, and the refusal audited.
 */
@Component
class LiveAccess {

    static final String VIEW_STARTED = "live.view.started";
    static final String VIEW_ENDED = "live.view.ended";
    static final String VIEW = "live.view";

    private final CameraCatalog cameras;
    private final AuditLog audit;

    LiveAccess(CameraCatalog cameras, AuditLog audit) {
        this.cameras = cameras;
        this.audit = audit;
    }

    /**
     * The camera, if {@code user} may watch it live.
     *
     * @throws LiveProblem not found or forbidden
     */
    RegisteredCamera camera(SignedInUser user, long cameraId) {
        RegisteredCamera camera = cameras.find(cameraId).orElseThrow(() -> LiveProblem.noCamera(cameraId));
        return switch (user.reach(Permission.LIVE_VIEW, camera.cameraGroup())) {
            case HIDDEN -> throw LiveProblem.noCamera(cameraId);
            case SEEN -> {
                audit.record(AuditEvent.denied(VIEW, camera.auditTarget()).by(user.username()));
                throw LiveProblem.notAllowed();
            }
            case PERMITTED -> camera;
        };
    }

    /** Written before the first byte of video is sent; if it cannot be written, nothing is sent. */
    void viewStarted(String username, RegisteredCamera camera, LiveStreamKind kind) {
        audit.record(AuditEvent.success(VIEW_STARTED, camera.auditTarget()).by(username)
                .with("stream", kind.urlName()));
    }

    void viewEnded(String username, RegisteredCamera camera, LiveStreamKind kind, Duration watched) {
        audit.record(AuditEvent.success(VIEW_ENDED, camera.auditTarget()).by(username)
                .with("stream", kind.urlName())
                .with("seconds", String.valueOf(watched.toSeconds())));
    }
}
