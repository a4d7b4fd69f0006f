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
}
