package org.atalaya.identity.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;

/**
 * A fully signed-in user with the permissions their roles grant right now.
 *
 * @param everywhere permissions granted for every camera group (and all non-scopable ones)
 * @param inGroups   scoped permissions and the camera groups they are limited to
 */
record AtalayaPrincipal(
        long userId,
        String username,
        String displayName,
        Set<Permission> everywhere,
        Map<Permission, Set<String>> inGroups) implements SignedInUser {

    AtalayaPrincipal {
        everywhere = Set.copyOf(everywhere);
        inGroups = Map.copyOf(inGroups);
    }

    @Override
    public boolean can(Permission permission) {
        return everywhere.contains(permission) || inGroups.containsKey(permission);
    }

    @Override
    public boolean can(Permission permission, String cameraGroup) {
        return everywhere.contains(permission) || inGroups.getOrDefault(permission, Set.of()).contains(cameraGroup);
    }

    @Override
    public Set<Permission> permissions() {
        var all = EnumSet.noneOf(Permission.class);
        all.addAll(everywhere);
        all.addAll(inGroups.keySet());
        return all;
    }
}
