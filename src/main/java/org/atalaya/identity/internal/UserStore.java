package org.atalaya.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} and {@code user_roles} tables. */
@Repository
class UserStore {

    private static final String COLUMNS = """
            id, username, display_name, password_hash, must_change_password, enabled, failed_attempts, locked_until,
            totp_secret, totp_enabled, last_totp_step, created_at, password_changed_at""";

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty for a name no account can have (every stored name is valid), without asking the database. */
    Optional<UserAccount> byUsername(String username) {
        if (username == null || !Usernames.valid(username)) return Optional.empty();
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?").param(username)
                .query(UserStore::account).optional();
    }

    Optional<UserAccount> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(UserStore::account).optional();
    }

    /** Reads and locks the row, so concurrent sign-in attempts count their failures one after the other. */
    Optional<UserAccount> byIdForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ? FOR UPDATE").param(id)
                .query(UserStore::account).optional();
    }

    List<UserAccount> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY username").query(UserStore::account).list();
    }

    boolean anyExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users)").query(Boolean.class).single();
    }

    long insert(String username, String displayName, String passwordHash, boolean mustChangePassword, Instant now) {
        return jdbc.sql("""
                        INSERT INTO users (username, display_name, password_hash, must_change_password, created_at,
                                           password_changed_at)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(username, displayName, passwordHash, mustChangePassword, Timestamps.of(now), Timestamps.of(now))
                .query(Long.class).single();
    }

    void recordFailure(long id, int failedAttempts, Instant lockedUntil) {
        jdbc.sql("UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?")
                .params(failedAttempts, Timestamps.of(lockedUntil), id).update();
    }

    void clearFailures(long id) {
        jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    void setPassword(long id, String passwordHash, boolean mustChangePassword, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = ?, must_change_password = ?, password_changed_at = ? WHERE id = ?")
                .params(passwordHash, mustChangePassword, Timestamps.of(now), id).update();
    }

    void setDisplayName(long id, String displayName) {
        jdbc.sql("UPDATE users SET display_name = ? WHERE id = ?").params(displayName, id).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE users SET enabled = ? WHERE id = ?").params(enabled, id).update();
    }

    void enableTotp(long id, String storedSecret, long acceptedStep) {
        jdbc.sql("UPDATE users SET totp_secret = ?, totp_enabled = TRUE, last_totp_step = ? WHERE id = ?")
                .params(storedSecret, acceptedStep, id).update();
    }

    void disableTotp(long id) {
        jdbc.sql("UPDATE users SET totp_secret = NULL, totp_enabled = FALSE, last_totp_step = NULL WHERE id = ?")
                .param(id).update();
    }

    /** Marks the step as used; false if it, or a later one, was used already (a replayed code). */
    boolean useTotpStep(long id, long step) {
        return jdbc.sql("UPDATE users SET last_totp_step = ? WHERE id = ? AND (last_totp_step IS NULL OR last_totp_step < ?)")
                .params(step, id, step).update() == 1;
    }

    List<String> roleNames(long userId) {
        return jdbc.sql("SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.name")
                .param(userId).query(String.class).list();
    }

    void replaceRoles(long userId, Collection<Long> roleIds) {
        jdbc.sql("DELETE FROM user_roles WHERE user_id = ?").param(userId).update();
        for (long roleId : roleIds) {
            jdbc.sql("INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)").params(userId, roleId).update();
        }
    }

    boolean anyRoleRequiresTotp(long userId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                       WHERE ur.user_id = ? AND r.requires_totp)""")
                .param(userId).query(Boolean.class).single();
    }

    /** Whether some enabled user holds a role that grants USER_MANAGE: changes that end this are refused. */
    boolean someoneEnabledCanManageUsers() {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM users u
                                       JOIN user_roles ur ON ur.user_id = u.id
                                       JOIN role_grants g ON g.role_id = ur.role_id
                                       WHERE u.enabled AND g.permission = 'USER_MANAGE')""")
                .query(Boolean.class).single();
    }

    /** The grants of all the user's roles; a permission no longer in the vocabulary is left out. */
    List<Role.Grant> grants(long userId) {
        var grants = new ArrayList<Role.Grant>();
        jdbc.sql("""
                        SELECT DISTINCT g.permission, cg.name AS camera_group
                        FROM user_roles ur
                        JOIN role_grants g ON g.role_id = ur.role_id
                        LEFT JOIN camera_groups cg ON cg.id = g.camera_group_id
                        WHERE ur.user_id = ?""")
                .param(userId)
                .query(row -> {
                    String cameraGroup = row.getString("camera_group");
                    RoleStore.permission(row.getString("permission"))
                            .ifPresent(permission -> grants.add(new Role.Grant(permission, cameraGroup)));
                });
        return grants;
    }

    /** Whether the user must set up two-factor sign-in before doing anything: a role requires it and it is off. */
    boolean enrolmentPending(long userId) {
        return jdbc.sql("""
                        SELECT NOT u.totp_enabled AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                                              WHERE ur.user_id = u.id AND r.requires_totp)
                        FROM users u WHERE u.id = ?""")
                .param(userId).query(Boolean.class).optional().orElse(false);
    }

    private static UserAccount account(ResultSet row, int rowNumber) throws SQLException {
        long lastStep = row.getLong("last_totp_step");
        Long lastTotpStep = row.wasNull() ? null : lastStep;
        return new UserAccount(
                row.getLong("id"),
                row.getString("username"),
                row.getString("display_name"),
                row.getString("password_hash"),
                row.getBoolean("must_change_password"),
                row.getBoolean("enabled"),
                row.getInt("failed_attempts"),
                Timestamps.read(row, "locked_until"),
                row.getString("totp_secret"),
                row.getBoolean("totp_enabled"),
                lastTotpStep,
                Timestamps.read(row, "created_at"),
                Timestamps.read(row, "password_changed_at"));
    }
}
