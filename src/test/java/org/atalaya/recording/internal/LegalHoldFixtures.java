package org.atalaya.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Camera groups, cameras, and users whose roles reach some groups only, each with a name no other test uses. */
final class LegalHoldFixtures {

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final int port;

    LegalHoldFixtures(JdbcClient jdbc, UserAccounts accounts, int port) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.port = port;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String group() {
        String name = unique("hold-group");
        jdbc.sql("INSERT INTO camera_groups (name, created_at) VALUES (?, ?)").param(name)
                .param(Timestamp.from(Instant.now())).update();
        return name;
    }

    /** A camera in the group, created through the API by an administrator; returns its id. */
    long camera(String group, String name) {
        ApiClient admin = new ApiClient(port, tokenFor("admin"));
        HttpResponse<String> response = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.20:554/stream1", "cameraGroup": "%s"}"""
                .formatted(name, group));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).path("id").asLong();
    }

    /** A user holding a built-in role, and their API token. */
    String tokenFor(String role) {
        String username = unique("hold-" + role);
        accounts.create(username, "Hold " + role, "legal-hold-test-password", Set.of(role));
        return accounts.issueToken(username, "legal hold tests");
    }

    /** A permission granted for the cameras of one group. */
    record Grant(String permission, String group) {
    }

    /** A user whose role grants each permission only for the cameras of its group, with the given password. */
    String userWith(String password, List<Grant> grants) {
        String role = unique("hold-scoped").toLowerCase();
        long roleId = jdbc.sql("INSERT INTO roles (name) VALUES (?) RETURNING id").param(role)
                .query(Long.class).single();
        for (Grant grant : grants) {
            jdbc.sql("""
                    INSERT INTO role_grants (role_id, permission, camera_group_id)
                    SELECT ?, ?, id FROM camera_groups WHERE name = ?""")
                    .param(roleId).param(grant.permission()).param(grant.group()).update();
        }
        String username = unique("hold-user");
        accounts.create(username, "Hold keeper", password, Set.of(role));
        return username;
    }

    String tokenWith(List<Grant> grants) {
        return accounts.issueToken(userWith("legal-hold-test-password", grants), "legal hold tests");
    }

    String tokenScopedTo(String group, String... permissions) {
        return tokenWith(Arrays.stream(permissions).map(permission -> new Grant(permission, group)).toList());
    }
}
