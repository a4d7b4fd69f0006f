package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atalaya.identity.internal.Fixtures.grant;

import org.atalaya.access.Permission;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A role that requires two-factor sign-in holds back its users' tokens and sessions until they have set it up. */
@AtalayaTest
class TwoFactorRequirementTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    RoleAdministration roles;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTokensOfAUserWhoHasYetToEnrolAreRefused() {
        String guarded = Fixtures.role(roles, "guarded", true, grant(Permission.ALARM_VIEW));
        String username = Fixtures.user(administration, "unenrolled", guarded);
        var api = new ApiClient(port, accounts.issueToken(username, "script made before enrolment"));

        var me = api.get("/api/v1/me");

        assertThat(me.statusCode()).isEqualTo(403);
        assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(me.body()).contains("Two-factor enrolment is required before API tokens can be used");
        assertThat(Audit.count(jdbc, "auth.token", "FAILURE", "user:" + username)).isEqualTo(1);
    }

    @Test
    void aSessionOpenedBeforeTheRoleRequiredTwoFactorGoesBackToEnrolment() {
        String role = Fixtures.role(roles, "soon-guarded", false, grant(Permission.ALARM_VIEW));
        String username = Fixtures.user(administration, "early", role);
        var browser = new FormClient(port);
        browser.signIn(username, Fixtures.PASSWORD);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);

        roles.update(role, "test role", true, roles.role(role).grants());

        assertThat(FormClient.location(browser.get("/account"))).isEqualTo("/login/enrol");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(browser.get("/login/enrol").body()).contains("totp-secret");
    }
}
