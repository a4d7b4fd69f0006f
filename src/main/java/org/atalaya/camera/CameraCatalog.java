package org.atalaya.camera;

import java.util.List;
import java.util.Optional;

/**
 * The registered cameras as other modules see them, without regard to who is signed in: callers that act for a user
 * check the user's permission for {@link RegisteredCamera#cameraGroup()} themselves.
 */
public interface CameraCatalog {

    /** Every camera, by name. */
    List<RegisteredCamera> all();

    Optional<RegisteredCamera> find(long cameraId);
}
