package org.atalaya.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atalaya.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code roles} and {@code role_grants} tables. */
@Repository
class RoleStore {

    private final JdbcClient jdbc;

    RoleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Role> all() {
        Map<Long, List<Role.Grant>> grants = new HashMap<>();
        jdbc.sql("""
                        SELECT g.role_id, g.permission, cg.name AS camera_group
                        FROM role_grants g LEFT JOIN camera_groups cg ON cg.id = g.camera_group_id""")
                .query(row -> {
                    long roleId = row.getLong("role_id");
                    String cameraGroup = row.getString("camera_group");
                    permission(row.getString("permission")).ifPresent(permission -> grants
                            .computeIfAbsent(roleId, id -> new ArrayList<>()).add(new Role.Grant(permission, cameraGroup)));
                });
        return jdbc.sql("""
                        SELECT r.id, r.name, r.description, r.builtin, r.requires_totp,
                               (SELECT count(*) FROM user_roles ur WHERE ur.role_id = r.id) AS members
                        FROM roles r ORDER BY r.builtin DESC, r.id""")
                .query((row, n) -> new Role(
                        row.getLong("id"), row.getString("name"), row.getString("description"),
                        row.getBoolean("builtin"), row.getBoolean("requires_totp"),
                        List.copyOf(grants.getOrDefault(row.getLong("id"), List.of())), row.getInt("members")))
                .list();
    }

    Optional<Role> byName(String name) {
        return all().stream().filter(role -> role.name().equals(name)).findFirst();
    }

    long insert(String name, String description) {
        return jdbc.sql("INSERT INTO roles (name, description) VALUES (?, ?) RETURNING id")
                .params(name, description).query(Long.class).single();
    }

    void update(long id, String description, boolean requiresTotp) {
        jdbc.sql("UPDATE roles SET description = ?, requires_totp = ? WHERE id = ?")
                .params(description, requiresTotp, id).update();
    }

    void replaceGrants(long roleId, Collection<Role.Grant> grants) {
        jdbc.sql("DELETE FROM role_grants WHERE role_id = ?").param(roleId).update();
        for (var grant : grants) {
            jdbc.sql("""
                            INSERT INTO role_grants (role_id, permission, camera_group_id)
                            VALUES (?, ?, (SELECT id FROM camera_groups WHERE name = ?))""")
                    .params(roleId, grant.permission().name(), grant.cameraGroup())
                    .update();
        }
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM roles WHERE id = ? AND NOT builtin").param(id).update();
    }

    /** A permission removed from the vocabulary is ignored rather than breaking every role page. */
    static Optional<Permission> permission(String name) {
        try {
            return Optional.of(Permission.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
