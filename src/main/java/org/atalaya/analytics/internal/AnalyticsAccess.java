package org.atalaya.analytics.internal;

import org.atalaya.access.CameraReach;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.springframework.stereotype.Component;

/**
 * Which cameras' analytics the signed-in user reaches: a camera they may see neither on the camera list nor among
 * alarms is not found; its settings are for those who see it; its current picture, a look at live video, for those
 * who may watch it live.
 */
@Component
class AnalyticsAccess {

    static final String SNAPSHOT_VIEWED = "analytics.snapshot.viewed";

    private final CameraCatalog cameras;
    private final AuditLog audit;

    AnalyticsAccess(CameraCatalog cameras, AuditLog audit) {
        this.cameras = cameras;
        this.audit = audit;
    }

    /** The camera, if the user may see it or its alarms; otherwise it is not found. */
    RegisteredCamera visible(long cameraId) {
        SignedInUser user = user(cameraId);
        return cameras.find(cameraId)
                .filter(camera -> user.can(Permission.CAMERA_VIEW, camera.cameraGroup())
                        || user.can(Permission.ALARM_VIEW, camera.cameraGroup()))
                .orElseThrow(() -> AnalyticsProblem.noCamera(cameraId));
    }

    /** The camera, if the user may watch it live; a refusal for a camera they may see is audited. */
    RegisteredCamera watchable(long cameraId) {
        SignedInUser user = user(cameraId);
        RegisteredCamera camera = cameras.find(cameraId).orElseThrow(() -> AnalyticsProblem.noCamera(cameraId));
        CameraReach reach = user.reach(Permission.LIVE_VIEW, camera.cameraGroup());
        if (reach == CameraReach.HIDDEN) throw AnalyticsProblem.noCamera(cameraId);
        if (reach == CameraReach.SEEN) {
            audit.record(AuditEvent.denied(SNAPSHOT_VIEWED, camera.auditTarget()));
            throw AnalyticsProblem.noLivePicture();
        }
        return camera;
    }

    private static SignedInUser user(long cameraId) {
        return CurrentUser.get().orElseThrow(() -> AnalyticsProblem.noCamera(cameraId));
    }
}
