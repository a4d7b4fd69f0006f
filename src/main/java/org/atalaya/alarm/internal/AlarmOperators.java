package org.atalaya.alarm.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who alarms may be assigned to: enabled users whose roles grant {@code ALARM_HANDLE} for the alarm's camera group.
 * Read from the identity tables, since an assignee is usually not the signed-in user.
 */
@Component
class AlarmOperators {

    private final JdbcClient jdbc;

    AlarmOperators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE username = ?)").param(username)
                .query(Boolean.class).single();
    }

    /**
     * Whether the user may handle alarms of the group: a grant for every group or for this one; for an alarm without a
     * group (no camera), a grant of the permission for any group.
     */
    boolean mayHandle(String username, String cameraGroup) {
        return jdbc.sql("""
                        SELECT EXISTS (
                          SELECT 1 FROM users u
                          JOIN user_roles ur ON ur.user_id = u.id
                          JOIN role_grants g ON g.role_id = ur.role_id
                          LEFT JOIN camera_groups cg ON cg.id = g.camera_group_id
                          WHERE u.username = :username AND u.enabled AND g.permission = 'ALARM_HANDLE'
                            AND (CAST(:group AS text) IS NULL OR g.camera_group_id IS NULL OR cg.name = :group))""")
                .param("username", username)
                .param("group", cameraGroup)
                .query(Boolean.class).single();
    }
}
