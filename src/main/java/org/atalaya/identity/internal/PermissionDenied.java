package org.atalaya.identity.internal;

import org.atalaya.access.Permission;

/** A handler refused by {@link PermissionInterceptor}; {@code needed} is null when the handler declares nothing. */
class PermissionDenied extends RuntimeException {

    private final transient Permission needed;

    PermissionDenied(Permission needed, String path) {
        super("access to " + path + " refused", null, false, false);
        this.needed = needed;
    }

    Permission needed() {
        return needed;
    }
}
