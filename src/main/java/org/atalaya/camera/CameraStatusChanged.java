package org.atalaya.camera;

import java.time.Instant;

/**
 * A camera's {@link CameraStatus} changed.
 *
 * @param since   when it changed
 * @param problem what is wrong, in words (e.g. "wrong credentials (401 Unauthorized)"); null when online or idle
 */
public record CameraStatusChanged(long cameraId, CameraStatus status, Instant since, String problem) {
}
