package org.atalaya.access;

import java.util.Set;

/** The person behind the current request, with what their roles allow. */
public interface SignedInUser {

    String username();

    String displayName();

    /** Whether any of the user's roles grants the permission, for at least one camera group if it is scoped. */
    boolean can(Permission permission);

    /** Whether the permission is granted for cameras of the given group (unscoped grants cover every group). */
    boolean can(Permission permission, String cameraGroup);

    Set<Permission> permissions();

    /** How far the user reaches a camera of {@code cameraGroup} for an action that needs {@code permission}. */
    default CameraReach reach(Permission permission, String cameraGroup) {
        if (can(permission, cameraGroup)) return CameraReach.PERMITTED;
        return can(Permission.CAMERA_VIEW, cameraGroup) ? CameraReach.SEEN : CameraReach.HIDDEN;
    }
}
