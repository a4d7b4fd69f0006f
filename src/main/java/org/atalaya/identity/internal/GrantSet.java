package org.atalaya.identity.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.atalaya.access.Permission;

/**
 * What a collection of role grants amounts to. A grant for every camera group covers the same permission limited
 * to any group; a grant limited to groups never covers an unlimited one. A permission that cannot be limited counts
 * for every group even if a group was named with it.
 *
 * @param everywhere permissions granted for every camera group (and all non-scopable ones)
 * @param inGroups   scoped permissions and the camera groups they are limited to
 */
record GrantSet(Set<Permission> everywhere, Map<Permission, Set<String>> inGroups) {

    GrantSet {
        everywhere = Set.copyOf(everywhere);
        inGroups = Map.copyOf(inGroups);
    }

    static GrantSet of(Collection<Role.Grant> grants) {
        Set<Permission> everywhere = EnumSet.noneOf(Permission.class);
        Map<Permission, Set<String>> inGroups = new HashMap<>();
        for (var grant : grants) {
            if (grant.cameraGroup() == null || !grant.permission().scopable()) {
                everywhere.add(grant.permission());
            } else {
                inGroups.computeIfAbsent(grant.permission(), p -> new HashSet<>()).add(grant.cameraGroup());
            }
        }
        everywhere.forEach(inGroups::remove);
        inGroups.replaceAll((permission, groups) -> Set.copyOf(groups));
        return new GrantSet(everywhere, inGroups);
    }

    boolean covers(Role.Grant grant) {
        if (everywhere.contains(grant.permission())) return true;
        return grant.cameraGroup() != null && grant.permission().scopable()
                && inGroups.getOrDefault(grant.permission(), Set.of()).contains(grant.cameraGroup());
    }

    /** The grants this set does not cover, as {@code PERMISSION} or {@code PERMISSION@group}, sorted. */
    SortedSet<String> missing(Collection<Role.Grant> wanted) {
        var missing = new TreeSet<String>();
        for (var grant : wanted) {
            if (!covers(grant)) missing.add(describe(grant));
        }
        return missing;
    }

    static String describe(Role.Grant grant) {
        return grant.cameraGroup() == null || !grant.permission().scopable()
                ? grant.permission().name() : grant.permission().name() + "@" + grant.cameraGroup();
    }
}
