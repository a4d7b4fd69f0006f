package org.atalaya.identity.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.atalaya.access.Permission;
import org.springframework.stereotype.Component;

/** Builds the principal of a request from the user's current roles; a disabled or vanished user gets none. */
@Component
class SignedInUsers {

    private final UserStore users;

    SignedInUsers(UserStore users) {
        this.users = users;
    }

    Optional<AtalayaPrincipal> load(long userId) {
        return users.byId(userId).filter(UserAccount::enabled).map(this::principalOf);
    }

    private AtalayaPrincipal principalOf(UserAccount user) {
        Set<Permission> everywhere = EnumSet.noneOf(Permission.class);
        Map<Permission, Set<String>> inGroups = new HashMap<>();
        for (var grant : users.grants(user.id())) {
            Permission permission;
            try {
                permission = Permission.valueOf(grant.permission());
            } catch (IllegalArgumentException noLongerExists) {
                continue;
            }
            if (grant.cameraGroup() == null || !permission.scopable()) {
                everywhere.add(permission);
            } else {
                inGroups.computeIfAbsent(permission, p -> new HashSet<>()).add(grant.cameraGroup());
            }
        }
        everywhere.forEach(inGroups::remove);
        inGroups.replaceAll((permission, groups) -> Set.copyOf(groups));
        return new AtalayaPrincipal(user.id(), user.username(), user.displayName(), everywhere, inGroups);
    }
}
