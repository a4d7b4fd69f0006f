package org.atalaya.identity.internal;

import java.util.Set;
import org.atalaya.access.Permission;

/**
 * A handler refused by {@link PermissionInterceptor}; {@code needed} (any one of which would have done) is null when
 * the handler declares nothing.
 */
class PermissionDenied extends RuntimeException {

    private final transient Set<Permission> needed;

    PermissionDenied(Set<Permission> needed, String path) {
        super("access to " + path + " refused", null, false, false);
        this.needed = needed;
    }

    Set<Permission> needed() {
        return needed;
    }
}
