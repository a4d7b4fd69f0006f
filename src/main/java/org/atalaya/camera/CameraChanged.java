package org.atalaya.camera;

/**
 * A camera was created or changed (including enabled or disabled), published when the change commits.
 *
 * @param sourceChanged whether how an existing camera is read changed (address or credentials), so that a running
 *                      reader restarts; false for a new camera
 */
public record CameraChanged(long cameraId, boolean sourceChanged) {
}
