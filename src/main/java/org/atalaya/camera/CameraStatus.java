package org.atalaya.camera;

/** Whether a camera's video reaches the server. */
public enum CameraStatus {
    /** Video is arriving. */
    ONLINE,
    /** The camera cannot be reached or stopped sending; the server keeps trying. */
    OFFLINE,
    /** The camera answers but its video cannot be used as configured (credentials, address, codec). */
    ERROR,
    /** Nobody reads the camera: it does not record (disabled, recording off, or no purpose). */
    IDLE
}
