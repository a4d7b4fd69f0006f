package org.atalaya.camera.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.atalaya.identity.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Camera groups, roles limited to them, and users with tokens, each with a name no other test uses. */
final class CameraFixtures {

    private final JdbcClient jdbc;
    private final UserAccounts accounts;

    CameraFixtures(JdbcClient jdbc, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String group() {
        String name = unique("group");
        jdbc.sql("INSERT INTO camera_groups (name, created_at) VALUES (?, ?)").param(name)
                .param(Timestamp.from(Instant.now())).update();
        return name;
    }

    /** A user holding a built-in role, and their API token. */
    String tokenFor(String role) {
        String username = unique("cam-" + role);
        accounts.create(username, "Camera " + role, "camera-test-password-" + role, Set.of(role));
        return accounts.issueToken(username, "camera tests");
    }

    /** A user whose role grants the permissions only for cameras of the group, and their API token. */
    String tokenScopedTo(String group, String... permissions) {
        String role = unique("scoped").toLowerCase();
        long roleId = jdbc.sql("INSERT INTO roles (name) VALUES (?) RETURNING id").param(role)
                .query(Long.class).single();
        for (String permission : permissions) {
            jdbc.sql("""
                    INSERT INTO role_grants (role_id, permission, camera_group_id)
                    SELECT ?, ?, id FROM camera_groups WHERE name = ?""")
                    .param(roleId).param(permission).param(group).update();
        }
        String username = unique("scoped-user");
        accounts.create(username, "Scoped user", "camera-test-password-scoped", Set.of(role));
        return accounts.issueToken(username, "camera tests");
    }
}
