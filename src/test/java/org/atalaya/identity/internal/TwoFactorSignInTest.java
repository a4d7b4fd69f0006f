package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.atalaya.access.Permission;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two-factor sign-in through the pages. Codes are computed like an authenticator app does; a test uses the code of
 * the step after the one enrolment used, so it is fresh and still inside the accepted window.
 */
@AtalayaTest
class TwoFactorSignInTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    RoleAdministration roles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEnrolledUserNeedsTheCodeAndHasNoPermissionsUntilThen() {
        String username = Fixtures.user(administration, "twofa", "operator");
        byte[] secret = enrolFromTheAccountPage(username);
        long step = Totp.stepAt(Instant.now());

        var browser = new FormClient(port);
        var password = browser.signIn(username, Fixtures.PASSWORD);
        assertThat(FormClient.location(password)).isEqualTo("/login/totp");
        assertThat(FormClient.location(browser.get("/account"))).isEqualTo("/login/totp");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);

        browser.get("/login/totp");
        var wrong = browser.post("/login/totp", Map.of("code", codeNoWindowAccepts(secret, step)));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("That code is not right");

        String code = Totp.code(secret, step + 1, Totp.DIGITS);
        var right = browser.post("/login/totp", Map.of("code", code));
        assertThat(FormClient.location(right)).isEqualTo("/");
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'auth.login' AND outcome = 'SUCCESS' "
                + "AND target = ? AND details ->> 'factors' = 'password+totp'").param("user:" + username)
                .query(Integer.class).single()).isEqualTo(1);

        var replay = new FormClient(port);
        replay.signIn(username, Fixtures.PASSWORD);
        replay.get("/login/totp");
        var reused = replay.post("/login/totp", Map.of("code", code));
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(FormClient.location(replay.get("/"))).isEqualTo("/login/totp");
    }

    @Test
    void aRoleThatRequiresTwoFactorSendsTheUserToEnrolFirst() {
        String role = Fixtures.uniqueName("guarded");
        roles.create(role, "needs a second factor");
        roles.update(role, "needs a second factor", true, List.of(new Role.Grant(Permission.OWN_ACCOUNT, null)));
        String username = Fixtures.user(administration, "enrolee", role);
        var browser = new FormClient(port);

        var password = browser.signIn(username, Fixtures.PASSWORD);
        assertThat(FormClient.location(password)).isEqualTo("/login/enrol");
        assertThat(FormClient.location(browser.get("/account"))).isEqualTo("/login/enrol");

        var page = browser.get("/login/enrol");
        byte[] secret = Base32.decode(FormClient.textOf(page, "totp-secret"));
        assertThat(FormClient.textOf(page, "totp-uri")).startsWith("otpauth://totp/Atalaya%3A" + username + "?secret=");
        var enrolled = browser.post("/login/enrol", Map.of("code", Totp.code(secret, Totp.stepAt(Instant.now()), Totp.DIGITS)));

        assertThat(FormClient.location(enrolled)).isEqualTo("/");
        assertThat(browser.get("/account").body()).contains("You sign in with your password and a code");
        assertThat(jdbc.sql("SELECT totp_secret FROM users WHERE username = ?").param(username).query(String.class).single())
                .startsWith("v1:");
    }

    private byte[] enrolFromTheAccountPage(String username) {
        var browser = new FormClient(port);
        browser.signIn(username, Fixtures.PASSWORD);
        browser.get("/account");
        browser.post("/account/totp/start", Map.of());
        var account = browser.get("/account");
        byte[] secret = Base32.decode(FormClient.textOf(account, "totp-secret"));
        var confirmed = browser.post("/account/totp/confirm", Map.of("code", Totp.code(secret, Totp.stepAt(Instant.now()), Totp.DIGITS)));
        assertThat(FormClient.location(confirmed)).isEqualTo("/account#two-factor");
        assertThat(browser.get("/account").body()).contains("Two-factor sign-in is on.");
        browser.post("/logout", Map.of());
        return secret;
    }

    /** A six-digit code that is none of the codes accepted around the step (so the test cannot pass by luck). */
    private static String codeNoWindowAccepts(byte[] secret, long step) {
        var accepted = LongStream.rangeClosed(step - 2, step + 2).mapToObj(s -> Totp.code(secret, s, Totp.DIGITS)).toList();
        return LongStream.range(0, 10).mapToObj(n -> String.format("%06d", n * 111_111)).filter(code -> !accepted.contains(code))
                .findFirst().orElseThrow();
    }
}
