package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.identity.internal.Fixtures.grant;

import java.util.List;
import org.atalaya.access.Permission;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** Managing users or roles gives no more than the manager holds: no way up through a helpdesk role. */
@AtalayaTest
class DelegationTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    RoleAdministration roles;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserStore users;

    @Autowired
    SignedInUsers signedInUsers;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aHelpdeskCannotCreateAShadowAdministratorOrAuditor() {
        var helpdesk = helpdesk();
        String shadow = Fixtures.uniqueName("shadow");

        var asAdministrator = helpdesk.post("/api/v1/users", newUser(shadow, "admin", "auditor", "privacy-officer"));
        var asAuditor = helpdesk.post("/api/v1/users", newUser(shadow, "auditor"));

        assertThat(asAdministrator.statusCode()).isEqualTo(403);
        assertThat(asAdministrator.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(asAdministrator.body()).contains("Only holders of the admin role can give it");
        assertThat(asAuditor.statusCode()).isEqualTo(403);
        assertThat(asAuditor.body()).contains("You can only give roles whose permissions you hold yourself")
                .contains("AUDIT_EXPORT, AUDIT_VIEW, PRIVACY_VIEW");
        assertThat(users.byUsername(shadow)).isEmpty();
        assertThat(Audit.count(jdbc, "user.create", "DENIED", "user:" + shadow)).isEqualTo(2);
    }

    @Test
    void aHelpdeskCannotTakeOverAnAccountThatHoldsMore() {
        var helpdesk = helpdesk();
        String chief = Fixtures.user(administration, "chief", "admin");
        String watcher = Fixtures.user(administration, "watcher", "operator");
        String chiefHash = users.byUsername(chief).orElseThrow().passwordHash();

        var chiefReset = helpdesk.post("/api/v1/users/" + chief + "/password-reset", "{}");
        var watcherReset = helpdesk.post("/api/v1/users/" + watcher + "/password-reset", "{}");
        var watcherDisabled = helpdesk.patch("/api/v1/users/" + watcher, "{\"enabled\":false}");
        var watcherSignedOut = helpdesk.post("/api/v1/users/" + watcher + "/sign-out", "{}");
        var chiefDemoted = helpdesk.patch("/api/v1/users/" + chief, "{\"roles\":[]}");

        assertThat(chiefReset.statusCode()).isEqualTo(403);
        assertThat(chiefReset.body()).contains("Only holders of the admin role").doesNotContain("oneTimePassword");
        assertThat(watcherReset.statusCode()).isEqualTo(403);
        assertThat(watcherReset.body()).contains("You can only manage users whose permissions you hold yourself: "
                + watcher + " also has").contains("LIVE_VIEW");
        assertThat(watcherDisabled.statusCode()).isEqualTo(403);
        assertThat(watcherSignedOut.statusCode()).isEqualTo(403);
        assertThat(chiefDemoted.statusCode()).isEqualTo(403);
        assertThat(users.byUsername(chief).orElseThrow().passwordHash()).isEqualTo(chiefHash);
        assertThat(administration.view(chief).roles()).containsExactly("admin");
        assertThat(administration.view(watcher).enabled()).isTrue();
        assertThat(Audit.count(jdbc, "user.password.reset", "DENIED", "user:" + chief)).isEqualTo(1);
        assertThat(Audit.count(jdbc, "user.password.reset", "DENIED", "user:" + watcher)).isEqualTo(1);
        assertThat(Audit.count(jdbc, "user.password.reset", "SUCCESS", "user:" + chief)).isZero();
    }

    @Test
    void theUsersPageSaysWhyAResetIsRefused() {
        String role = Fixtures.role(roles, "helpdesk", false, grant(Permission.USER_MANAGE));
        String chief = Fixtures.user(administration, "chief", "admin");
        var browser = new FormClient(port);
        browser.signIn(Fixtures.user(administration, "hd", role), Fixtures.PASSWORD);
        browser.get("/admin/users/" + chief);

        var refused = browser.post("/admin/users/" + chief + "/reset-password");

        assertThat(FormClient.location(refused)).isEqualTo("/admin/users/" + chief);
        assertThat(browser.get("/admin/users/" + chief).body()).contains("Only holders of the admin role")
                .doesNotContain("one-time-password");
    }

    @Test
    void aUserManagerGivesWhatTheyHoldAndLooksAfterTheirPeers() {
        String desk = Fixtures.role(roles, "desk", false, grant(Permission.USER_MANAGE), grant(Permission.ALARM_VIEW));
        String manager = Fixtures.user(administration, "manager", desk);
        String peer = Fixtures.user(administration, "peer", desk);
        var api = new ApiClient(port, accounts.issueToken(manager, "desk script"));
        String recruit = Fixtures.uniqueName("recruit");

        var created = api.post("/api/v1/users", newUser(recruit, desk));
        var reset = api.post("/api/v1/users/" + peer + "/password-reset", "{}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).contains("oneTimePassword");
    }

    @Test
    void aGrantLimitedToACameraGroupDoesNotCoverEveryGroup() {
        String north = Fixtures.uniqueName("north");
        roles.createCameraGroup(north, "northern district");
        var liveInNorth = new Role.Grant(Permission.LIVE_VIEW, north);
        String northDesk = Fixtures.role(roles, "north-desk", false, grant(Permission.USER_MANAGE), liveInNorth);
        String northLive = Fixtures.role(roles, "north-live", false, liveInNorth);
        String allLive = Fixtures.role(roles, "all-live", false, grant(Permission.LIVE_VIEW));
        var api = new ApiClient(port, accounts.issueToken(Fixtures.user(administration, "north-manager", northDesk), "script"));

        var limited = api.post("/api/v1/users", newUser(Fixtures.uniqueName("north-watcher"), northLive));
        var everywhere = api.post("/api/v1/users", newUser(Fixtures.uniqueName("watcher"), allLive));

        assertThat(limited.statusCode()).isEqualTo(201);
        assertThat(everywhere.statusCode()).isEqualTo(403);
        assertThat(everywhere.body()).contains("you do not hold LIVE_VIEW.");
    }

    @Test
    void theBuiltInAdministratorStillSetsUpEveryRole() {
        var admin = new ApiClient(port, accounts.issueToken(Fixtures.user(administration, "root", "admin"), "script"));

        var created = admin.post("/api/v1/users",
                newUser(Fixtures.uniqueName("overseer"), "auditor", "privacy-officer", "operator"));

        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void aRoleManagerAddsToRolesOnlyPermissionsTheyHold() {
        String keeper = Fixtures.role(roles, "keeper", false, grant(Permission.ROLE_MANAGE), grant(Permission.ALARM_VIEW));
        String target = Fixtures.role(roles, "target", false);
        var browser = new FormClient(port);
        browser.signIn(Fixtures.user(administration, "role-manager", keeper), Fixtures.PASSWORD);
        browser.get("/admin/roles/" + target);

        browser.post("/admin/roles/" + target, "description", "test role",
                "permission", "OWN_ACCOUNT", "permission", "AUDIT_VIEW");
        var refused = browser.get("/admin/roles/" + target);
        browser.post("/admin/roles/" + target, "description", "test role",
                "permission", "OWN_ACCOUNT", "permission", "ALARM_VIEW");
        var saved = browser.get("/admin/roles/" + target);

        assertThat(refused.body()).contains("You can only give a role permissions you hold yourself: you do not hold AUDIT_VIEW.");
        assertThat(Audit.count(jdbc, "role.grants", "DENIED", "role:" + target)).isEqualTo(1);
        assertThat(saved.body()).contains("Role " + target + " was saved.");
        assertThat(roles.role(target).grants()).extracting(Role.Grant::permission)
                .containsExactlyInAnyOrder(Permission.OWN_ACCOUNT, Permission.ALARM_VIEW);
    }

    @Test
    void aHolderOfARoleThatRequiresTwoFactorCannotSwitchTheRequirementOff() {
        String guarded = Fixtures.role(roles, "guarded-admins", true, grant(Permission.ROLE_MANAGE));
        String holder = Fixtures.user(administration, "holder", guarded);
        List<Role.Grant> grants = roles.role(guarded).grants();
        Fixtures.actAs(signedInUsers, users, holder);

        assertThatThrownBy(() -> roles.update(guarded, "test role", false, grants))
                .isInstanceOfSatisfying(IdentityProblem.class,
                        problem -> assertThat(problem.messageKey()).isEqualTo("role.ownRole"));
        SecurityContextHolder.clearContext();
        assertThat(roles.role(guarded).requiresTotp()).isTrue();
    }

    /** Someone whose only power is managing users, with a token for the API. */
    private ApiClient helpdesk() {
        String role = Fixtures.role(roles, "helpdesk", false, grant(Permission.USER_MANAGE));
        return new ApiClient(port, accounts.issueToken(Fixtures.user(administration, "hd", role), "helpdesk script"));
    }

    private static String newUser(String username, String... roleNames) {
        return "{\"username\":\"" + username + "\",\"roles\":[" + String.join(",",
                java.util.Arrays.stream(roleNames).map(name -> "\"" + name + "\"").toList()) + "]}";
    }
}
