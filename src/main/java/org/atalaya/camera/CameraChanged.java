package org.atalaya.camera;

/**
 * A camera was created or changed (including enabled or disabled), published when the change commits.
 *
 * @param sourceChanged whether how it is read changed (address or credentials), so that a running reader restarts
 */
public record CameraChanged(long cameraId, boolean sourceChanged) {
}
