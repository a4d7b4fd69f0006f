package org.atalaya.camera;

/**
 * A camera was created or changed (including enabled or disabled), published when the change commits.
 *
 * @param sourceChanged whether how an existing camera is read changed (address, credentials, or whether its video
 *                      is analysed, which adds an output to its stream process), so that a running reader restarts;
 *                      false for a new camera
 */
public record CameraChanged(long cameraId, boolean sourceChanged) {
}
