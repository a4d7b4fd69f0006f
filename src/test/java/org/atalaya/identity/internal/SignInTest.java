package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtalayaTest
class SignInTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRightPasswordOpensTheConsoleInANewSession() {
        String username = Fixtures.user(administration, "ana", "operator");
        var browser = new FormClient(port);
        browser.get("/login");
        var before = browser.sessionId();

        var signedIn = browser.post("/login", Map.of("username", username, "password", Fixtures.PASSWORD));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(FormClient.location(signedIn)).isEqualTo("/");
        assertThat(browser.sessionId()).isPresent().isNotEqualTo(before);
        var overview = browser.get("/");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Test ana");
        assertThat(Audit.count(jdbc, "auth.login", "SUCCESS", "user:" + username)).isEqualTo(1);
    }

    @Test
    void theSessionEndsAfterTheConfiguredIdleTime() {
        String username = Fixtures.user(administration, "idle", "operator");
        var browser = new FormClient(port);
        browser.signIn(username, Fixtures.PASSWORD);

        int idleSeconds = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
                .param(username).query(Integer.class).single();
        assertThat(idleSeconds).isEqualTo(15 * 60);
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() {
        String username = Fixtures.user(administration, "ben", "operator");
        var browser = new FormClient(port);

        var wrongPassword = browser.signIn(username, "not the password at all");
        var unknownName = browser.signIn(Fixtures.uniqueName("nobody"), Fixtures.PASSWORD);

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownName.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).contains("Wrong user name or password.");
        assertThat(unknownName.body()).contains("Wrong user name or password.");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(Audit.count(jdbc, "auth.login", "FAILURE", "user:" + username)).isEqualTo(1);
    }

    @Test
    void pagesSendStrangersToSignInAndTheApiAnswers401() {
        var browser = new FormClient(port);

        var page = browser.get("/account");
        var api = browser.get("/api/v1/me");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(FormClient.location(page)).isEqualTo("/login");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.body()).contains("Sign in first");
    }

    @Test
    void signingOutEndsTheSession() {
        String username = Fixtures.user(administration, "carla", "operator");
        var browser = new FormClient(port);
        browser.signIn(username, Fixtures.PASSWORD);
        browser.get("/");

        var signedOut = browser.post("/logout", Map.of());

        assertThat(FormClient.location(signedOut)).isEqualTo("/login?signedOut");
        assertThat(FormClient.location(browser.get("/"))).isEqualTo("/login");
        assertThat(Audit.count(jdbc, "auth.logout", "SUCCESS", "user:" + username)).isEqualTo(1);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        String username = Fixtures.user(administration, "dora", "operator");
        var browser = new FormClient(port);
        browser.signIn(username, Fixtures.PASSWORD);
        browser.get("/account");

        var forged = browser.postRaw("/account/sessions/end-others", Map.of());
        var forgedLogin = new FormClient(port).postRaw("/login", Map.of("username", username, "password", Fixtures.PASSWORD));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(FormClient.location(forgedLogin)).isEqualTo("/login?expired");
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aOneTimePasswordMustBeReplacedBeforeAnythingElse() {
        String username = Fixtures.uniqueName("eva");
        var created = administration.create(new UserAdministration.NewUser(username, "Eva", List.of("operator"), null), "test");
        var browser = new FormClient(port);

        var signedIn = browser.signIn(username, created.oneTimePassword());
        assertThat(FormClient.location(signedIn)).isEqualTo("/login/password");
        assertThat(FormClient.location(browser.get("/account"))).isEqualTo("/login/password");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);

        browser.get("/login/password");
        var tooShort = browser.post("/login/password", Map.of("newPassword", "short", "confirmation", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 12 characters");

        var changed = browser.post("/login/password",
                Map.of("newPassword", "a brand new long password", "confirmation", "a brand new long password"));
        assertThat(FormClient.location(changed)).isEqualTo("/");
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereEndsTheOtherSessionsOnly() {
        String username = Fixtures.user(administration, "fer", "operator");
        var desk = new FormClient(port);
        var laptop = new FormClient(port);
        desk.signIn(username, Fixtures.PASSWORD);
        laptop.signIn(username, Fixtures.PASSWORD);
        desk.get("/account");

        var ended = desk.post("/account/sessions/end-others", Map.of());

        assertThat(FormClient.location(ended)).isEqualTo("/account");
        assertThat(desk.get("/account").body()).contains("One other session was signed out.");
        assertThat(FormClient.location(laptop.get("/account"))).isEqualTo("/login?expired");
    }

    @Test
    void aDisabledUserIsSignedOutAtOnce() {
        String username = Fixtures.user(administration, "gil", "operator");
        var browser = new FormClient(port);
        browser.signIn(username, Fixtures.PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        administration.setEnabled(username, false);

        assertThat(FormClient.location(browser.get("/"))).isEqualTo("/login?expired");
        assertThat(FormClient.textOf(browser.signIn(username, Fixtures.PASSWORD), "login-error"))
                .isEqualTo("This account is disabled. Ask an administrator.");
    }

    @Test
    void aHandlerNeedingAPermissionTheUserLacksIsRefusedAndAudited() {
        String username = Fixtures.user(administration, "hugo");
        var browser = new FormClient(port);
        browser.signIn(username, Fixtures.PASSWORD);

        var overview = browser.get("/");

        assertThat(overview.statusCode()).isEqualTo(403);
        assertThat(overview.body()).contains("You do not have permission for this page.");
        assertThat(Audit.countBy(jdbc, "access.denied", "DENIED", username)).isEqualTo(1);
    }

    @Test
    void aRefusalOfAVeryLongPathIsStillAudited() {
        String username = Fixtures.user(administration, "wanderer", "operator");
        var browser = new FormClient(port);
        browser.signIn(username, Fixtures.PASSWORD);
        String path = "/admin/users/" + "x".repeat(600);

        assertThat(browser.get(path).statusCode()).isEqualTo(403);

        var entry = jdbc.sql("SELECT target, details ->> 'path' AS path FROM audit_entry WHERE action = 'access.denied' AND actor = ?")
                .param(username).query().singleRow();
        assertThat((String) entry.get("target")).hasSize(201).startsWith("/admin/users/xxx").endsWith("…");
        assertThat((String) entry.get("path")).isEqualTo(path);
    }

    @Test
    void aUserNameWithANullCharacterIsRefusedNotAnError() {
        var attempt = new FormClient(port).signIn("ad\u0000min", "any password at all");

        assertThat(attempt.statusCode()).isIn(400, 401);
    }

    @Test
    void aLockedAccountIsToldForHowLong() {
        String username = Fixtures.user(administration, "ivan", "operator");
        var browser = new FormClient(port);
        for (int i = 0; i < 4; i++) browser.signIn(username, "wrong " + i);

        var locked = browser.signIn(username, "wrong again");
        var stillLocked = browser.signIn(username, Fixtures.PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(423);
        assertThat(FormClient.textOf(locked, "login-error")).isEqualTo("Too many failed attempts: this account is locked. "
                + "Try again in 15 minutes, or ask an administrator to unlock it.");
        assertThat(stillLocked.statusCode()).isEqualTo(423);
    }
}
