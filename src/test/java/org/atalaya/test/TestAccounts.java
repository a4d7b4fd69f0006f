package org.atalaya.test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.atalaya.identity.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camera groups, and users with built-in roles or with roles that reach some camera groups only, with their API
 * tokens. Every name is unique, begins with the prefix of the tests that made it, and no other test uses it.
 */
public class TestAccounts {

    private static final String PASSWORD = "a-long-test-passphrase";

    /** A permission granted for the cameras of one group only. */
    public record Grant(String permission, String group) {
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final String prefix;

    /** @param prefix begins every name, e.g. "camera" for camera tests */
    public TestAccounts(JdbcClient jdbc, UserAccounts accounts, String prefix) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.prefix = prefix;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new camera group; returns its name. */
    public String group() {
        String name = unique(prefix + "-group");
        jdbc.sql("INSERT INTO camera_groups (name, created_at) VALUES (?, ?)").param(name)
                .param(Timestamp.from(Instant.now())).update();
        return name;
    }

    /** A user holding built-in roles, and their API token. */
    public String tokenFor(String... roles) {
        String username = unique(prefix + "-" + String.join("-", roles));
        accounts.create(username, "Test " + String.join(" ", roles), PASSWORD, Set.of(roles));
        return accounts.issueToken(username, prefix + " tests");
    }

    /** A user whose own role grants the permissions for the cameras of the group only, and their API token. */
    public String tokenScopedTo(String group, String... permissions) {
        return tokenWith(Arrays.stream(permissions).map(permission -> new Grant(permission, group)).toList());
    }

    /** A user whose own role grants each permission for the cameras of its group only, and their API token. */
    public String tokenWith(List<Grant> grants) {
        return accounts.issueToken(userWith(PASSWORD, grants), prefix + " tests");
    }

    /**
     * A user whose own role grants each permission for the cameras of its group only, with the given password;
     * returns the user name.
     */
    public String userWith(String password, List<Grant> grants) {
        String role = unique(prefix + "-role").toLowerCase();
        long roleId = jdbc.sql("INSERT INTO roles (name) VALUES (?) RETURNING id").param(role)
                .query(Long.class).single();
        for (Grant grant : grants) {
            jdbc.sql("""
                    INSERT INTO role_grants (role_id, permission, camera_group_id)
                    SELECT ?, ?, id FROM camera_groups WHERE name = ?""")
                    .param(roleId).param(grant.permission()).param(grant.group()).update();
        }
        String username = unique(prefix + "-user");
        accounts.create(username, "Test user", password, Set.of(role));
        return username;
    }
}
