package org.atalaya.identity.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.identity.CameraGroups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles and the camera groups that scope their grants. Built-in roles can be changed but not deleted; a role still
 * held by someone cannot be deleted; nobody changes the permissions or the two-factor requirement of a role they
 * hold themselves, nor adds to a role permissions they do not hold ({@link Authority}); and the last way to manage
 * users cannot be taken away.
 */
@Service
class RoleAdministration {

    private static final int MAX_DESCRIPTION = 200;

    private final RoleStore roles;
    private final UserStore users;
    private final CameraGroupStore groups;
    private final Authority authority;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    RoleAdministration(RoleStore roles, UserStore users, CameraGroupStore groups, Authority authority, AuditLog audit,
                       JdbcClient jdbc, Clock clock) {
        this.roles = roles;
        this.users = users;
        this.groups = groups;
        this.authority = authority;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Role> list() {
        return roles.all();
    }

    Role role(String name) {
        return roles.byName(name).orElseThrow(() -> IdentityProblem.notFound("role.unknown", name));
    }

    List<CameraGroups.CameraGroup> cameraGroups() {
        return groups.all();
    }

    /** A new role that may only use its own account until permissions are added. */
    @Transactional
    public Role create(String typedName, String description) {
        String name = typedName == null ? "" : typedName.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z][a-z0-9-]{1,39}")) throw IdentityProblem.invalid("role.name.invalid");
        if (roles.byName(name).isPresent()) throw IdentityProblem.conflict("role.name.taken", name);
        long id = roles.insert(name, description(description));
        roles.replaceGrants(id, List.of(new Role.Grant(Permission.OWN_ACCOUNT, null)));
        audit.record(AuditEvent.success("role.create", "role:" + name));
        return role(name);
    }

    @Transactional(noRollbackFor = IdentityProblem.BeyondAuthority.class)
    public Role update(String name, String description, boolean requiresTotp, Collection<Role.Grant> grants) {
        var role = role(name);
        var known = groups.all().stream().map(CameraGroups.CameraGroup::name).collect(Collectors.toSet());
        var wanted = new LinkedHashSet<Role.Grant>();
        for (var grant : grants) {
            if (grant.cameraGroup() != null && !grant.permission().scopable()) {
                throw IdentityProblem.invalid("role.grant.notScopable", grant.permission().name());
            }
            if (grant.cameraGroup() != null && !known.contains(grant.cameraGroup())) {
                throw IdentityProblem.invalid("cameraGroup.unknown", grant.cameraGroup());
            }
            wanted.add(grant);
        }
        wanted.removeIf(grant -> grant.cameraGroup() != null
                && wanted.contains(new Role.Grant(grant.permission(), null)));
        var before = describe(role.grants());
        var after = describe(wanted);
        String cleanDescription = description(description);
        boolean grantsChange = !before.equals(after);
        boolean totpChange = requiresTotp != role.requiresTotp();
        if ((grantsChange || totpChange) && holdsRole(name)) throw IdentityProblem.invalid("role.ownRole");
        if (grantsChange) {
            var had = GrantSet.of(role.grants());
            authority.requireMayGrant("role.grants", "role:" + name,
                    wanted.stream().filter(grant -> !had.covers(grant)).toList());
        }
        if (!cleanDescription.equals(role.description()) || totpChange) {
            roles.update(role.id(), cleanDescription, requiresTotp);
            audit.record(AuditEvent.success("role.update", "role:" + name)
                    .with("description", cleanDescription).with("requiresTotp", Boolean.toString(requiresTotp)));
        }
        if (grantsChange) {
            roles.replaceGrants(role.id(), wanted);
            audit.record(AuditEvent.success("role.grants", "role:" + name)
                    .with("before", String.join(",", before)).with("after", String.join(",", after)));
            requireSomeoneCanManageUsers();
        }
        return role(name);
    }

    @Transactional
    public void delete(String name) {
        var role = role(name);
        if (role.builtin()) throw IdentityProblem.invalid("role.builtin");
        if (role.members() > 0) throw IdentityProblem.conflict("role.inUse", role.members());
        roles.delete(role.id());
        audit.record(AuditEvent.success("role.delete", "role:" + name));
    }

    @Transactional
    public void createCameraGroup(String typedName, String description) {
        String name = typedName == null ? "" : typedName.strip();
        if (name.isEmpty() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl) || name.contains(",")) {
            throw IdentityProblem.invalid("cameraGroup.name.invalid");
        }
        if (groups.byName(name).isPresent()) throw IdentityProblem.conflict("cameraGroup.name.taken", name);
        groups.insert(name, description(description), clock.instant());
        audit.record(AuditEvent.success("camera-group.create", "camera-group:" + name));
    }

    /** Removes the group; grants limited to it go with it, so roles scoped to it lose that access. */
    @Transactional
    public void deleteCameraGroup(String name) {
        var group = groups.byName(name).orElseThrow(() -> IdentityProblem.notFound("cameraGroup.unknown", name));
        var affected = groups.rolesScopedTo(group.id());
        groups.delete(group.id());
        audit.record(AuditEvent.success("camera-group.delete", "camera-group:" + name)
                .with("rolesLosingGrants", String.join(",", affected)));
    }

    private boolean holdsRole(String name) {
        return CurrentUser.get().map(user -> jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM user_roles ur JOIN users u ON u.id = ur.user_id
                                       JOIN roles r ON r.id = ur.role_id WHERE u.username = ? AND r.name = ?)""")
                .params(user.username(), name).query(Boolean.class).single()).orElse(false);
    }

    private void requireSomeoneCanManageUsers() {
        if (!users.someoneEnabledCanManageUsers()) throw IdentityProblem.conflict("user.lastAdministrator");
    }

    private static Set<String> describe(Collection<Role.Grant> grants) {
        return grants.stream().map(GrantSet::describe).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String description(String typed) {
        String cleaned = typed == null ? "" : typed.strip().replaceAll("\\p{Cntrl}", " ");
        if (cleaned.length() > MAX_DESCRIPTION) throw IdentityProblem.invalid("role.description.tooLong", MAX_DESCRIPTION);
        return cleaned;
    }
}
