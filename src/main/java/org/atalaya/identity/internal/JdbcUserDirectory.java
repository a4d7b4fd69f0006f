package org.atalaya.identity.internal;

import java.util.Optional;
import org.atalaya.access.Permission;
import org.atalaya.identity.UserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcUserDirectory implements UserDirectory {

    private final JdbcClient jdbc;

    JdbcUserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> displayName(String username) {
        return jdbc.sql("SELECT display_name FROM users WHERE username = ?").param(username).query(String.class)
                .optional();
    }

    @Override
    public boolean grants(String username, Permission permission, String cameraGroup) {
        return jdbc.sql("""
                        SELECT EXISTS (
                          SELECT 1 FROM users u
                          JOIN user_roles ur ON ur.user_id = u.id
                          JOIN role_grants g ON g.role_id = ur.role_id
                          LEFT JOIN camera_groups cg ON cg.id = g.camera_group_id
                          WHERE u.username = :username AND u.enabled AND g.permission = :permission
                            AND (CAST(:group AS text) IS NULL OR g.camera_group_id IS NULL OR cg.name = :group))""")
                .param("username", username)
                .param("permission", permission.name())
                .param("group", cameraGroup)
                .query(Boolean.class).single();
    }
}
