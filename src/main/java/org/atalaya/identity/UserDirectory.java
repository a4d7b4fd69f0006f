package org.atalaya.identity;

import java.util.Optional;
import org.atalaya.access.Permission;

/** What other modules may ask about users other than the signed-in one (e.g. whom an alarm may be assigned to). */
public interface UserDirectory {

    /** The user's display name, if the user exists. */
    Optional<String> displayName(String username);

    /**
     * Whether the user is enabled and their roles grant the permission for the camera group: for every group or for
     * this one; with a null group, for any group.
     */
    boolean grants(String username, Permission permission, String cameraGroup);
}
