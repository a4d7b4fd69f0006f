package org.atalaya.camera;

import java.util.Map;
import java.util.Optional;

/**
 * The latest status each camera's reader reported, as the camera registry keeps it: an older report never replaces a
 * newer one. A camera whose reader has not reported yet has none; its status is unknown.
 */
public interface CameraStatuses {

    /** The latest report of every camera that has one, by camera id. */
    Map<Long, CameraStatusChanged> latest();

    Optional<CameraStatusChanged> latest(long cameraId);
}
