package org.atalaya.audit.internal;

import java.util.Set;
import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** A signed-in user for tests, with exactly the permissions given. */
record TestAuditor(String username, Set<Permission> permissions) implements SignedInUser {

    @Override
    public String displayName() {
        return "Auditor " + username;
    }

    @Override
    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    @Override
    public boolean can(Permission permission, String cameraGroup) {
        return can(permission);
    }

    Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null,
                permissions.stream().map(p -> (GrantedAuthority) p::name).toList());
    }
}
