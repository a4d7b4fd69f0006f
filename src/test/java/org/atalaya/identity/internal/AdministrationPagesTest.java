package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.atalaya.access.Permission;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AtalayaTest
class AdministrationPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    RoleAdministration roles;

    @Autowired
    UserStore users;

    @Autowired
    SignedInUsers signedInUsers;

    @Autowired
    UserAccounts accounts;

    @Test
    void anAdministratorCreatesAUserWhoMustThenChooseAPassword() {
        var admin = signedIn(Fixtures.user(administration, "chief", "admin"));
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
        String username = Fixtures.uniqueName("recruit");

        var created = admin.post("/admin/users", "username", username, "displayName", "Recruit", "roles", "operator",
                "roles", "dispatcher");

        assertThat(created.statusCode()).isEqualTo(200);
        String oneTimePassword = FormClient.textOf(created, "one-time-password");
        assertThat(oneTimePassword).hasSize(20);
        assertThat(administration.view(username).roles()).containsExactly("dispatcher", "operator");
        assertThat(admin.get("/admin/users").body()).contains(username).doesNotContain(oneTimePassword);
        assertThat(FormClient.location(new FormClient(port).signIn(username, oneTimePassword))).isEqualTo("/login/password");
    }

    @Test
    void aPasswordResetOnThePageSaysTheTokensWentWithTheOldPassword() {
        var admin = signedIn(Fixtures.user(administration, "resetter", "admin"));
        String username = Fixtures.user(administration, "forgetful", "operator");
        String token = accounts.issueToken(username, "phone");
        admin.get("/admin/users/" + username);

        var reset = admin.post("/admin/users/" + username + "/reset-password");

        assertThat(FormClient.textOf(reset, "one-time-password")).hasSize(20);
        assertThat(reset.body()).contains("The password of " + username + " was reset. Their API token was revoked.");
        assertThat(new ApiClient(port, token).get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void anAdministratorLimitsARoleToACameraGroup() {
        var admin = signedIn(Fixtures.user(administration, "designer", "admin"));
        String group = Fixtures.uniqueName("north");
        String role = Fixtures.uniqueName("north-watch");
        admin.get("/admin/roles");

        admin.post("/admin/camera-groups", "name", group, "description", "Northern district");
        var createdRole = admin.post("/admin/roles", "name", role, "description", "Watches the north");
        assertThat(FormClient.location(createdRole)).isEqualTo("/admin/roles/" + role);
        admin.get("/admin/roles/" + role);
        var saved = admin.post("/admin/roles/" + role, "description", "Watches the north",
                "permission", "OWN_ACCOUNT", "permission", "LIVE_VIEW", "groups.LIVE_VIEW", group, "permission", "ALARM_VIEW");

        assertThat(FormClient.location(saved)).isEqualTo("/admin/roles/" + role);
        String watcher = Fixtures.user(administration, "watcher", role);
        var principal = signedInUsers.load(users.byUsername(watcher).orElseThrow().id()).orElseThrow();
        assertThat(principal.can(Permission.LIVE_VIEW, group)).isTrue();
        assertThat(principal.can(Permission.LIVE_VIEW, "south")).isFalse();
        assertThat(principal.can(Permission.ALARM_VIEW, "south")).isTrue();
        assertThat(principal.can(Permission.PLAYBACK_VIEW)).isFalse();
        assertThat(admin.get("/admin/roles/" + role).body()).contains("value=\"" + group + "\" checked");
    }

    @Test
    void builtInRolesCannotBeDeletedAndTheLastWayToManageUsersStays() {
        var admin = signedIn(Fixtures.user(administration, "keeper", "admin"));
        admin.get("/admin/roles/operator");

        var deleted = admin.post("/admin/roles/operator/delete");

        assertThat(FormClient.location(deleted)).isEqualTo("/admin/roles/operator");
        assertThat(admin.get("/admin/roles/operator").body()).contains("Built-in roles cannot be deleted.");
        assertThat(roles.role("operator").builtin()).isTrue();
    }

    @Test
    void peopleWithoutThePermissionSeeTheRefusalPage() {
        var operator = signedIn(Fixtures.user(administration, "curious", "operator"));

        var page = operator.get("/admin/users");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("You do not have permission for this page.");
    }

    @Test
    void theSignInPageSpeaksSpanish() {
        var page = new FormClient(port).get("/login?lang=es");

        assertThat(page.body()).contains("Iniciar sesión").contains("Contraseña");
    }

    private FormClient signedIn(String username) {
        var browser = new FormClient(port);
        browser.signIn(username, Fixtures.PASSWORD);
        return browser;
    }
}
