package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtalayaTest
class AccountPageTest {

    private static final String NEW_PASSWORD = "another quite long password";

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    JdbcClient jdbc;

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherSessions() {
        String username = Fixtures.user(administration, "changer", "operator");
        var desk = signedIn(username);
        var phone = signedIn(username);
        desk.get("/account");

        desk.post("/account/password", Map.of("currentPassword", "not it", "newPassword", NEW_PASSWORD,
                "confirmation", NEW_PASSWORD));
        assertThat(desk.get("/account").body()).contains("The current password is not right.");
        desk.post("/account/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD,
                "confirmation", "something else entirely"));
        assertThat(desk.get("/account").body()).contains("The two new passwords are not the same.");
        desk.post("/account/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD,
                "confirmation", NEW_PASSWORD));

        assertThat(desk.get("/account").body()).contains("Your password was changed.");
        assertThat(FormClient.location(phone.get("/account"))).isEqualTo("/login?expired");
        assertThat(FormClient.location(new FormClient(port).signIn(username, NEW_PASSWORD))).isEqualTo("/");
        assertThat(new FormClient(port).signIn(username, Fixtures.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongCurrentPasswordsLockTheAccountLikeFailedSignIns() {
        String username = Fixtures.user(administration, "guesser", "operator");
        var desk = signedIn(username);
        desk.get("/account");
        for (int i = 0; i < 3; i++) {
            desk.post("/account/password", Map.of("currentPassword", "guess " + i, "newPassword", NEW_PASSWORD,
                    "confirmation", NEW_PASSWORD));
            assertThat(desk.get("/account").body()).contains("The current password is not right.");
        }
        desk.post("/account/totp/disable", Map.of("currentPassword", "guess 3"));
        assertThat(desk.get("/account").body()).contains("The current password is not right.");
        desk.post("/account/totp/disable", Map.of("currentPassword", "guess 4"));
        assertThat(desk.get("/account").body()).contains("this account is locked");

        desk.post("/account/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD,
                "confirmation", NEW_PASSWORD));

        assertThat(desk.get("/account").body()).contains("this account is locked");
        assertThat(Audit.count(jdbc, "auth.lockout", "SUCCESS", "user:" + username)).isEqualTo(1);
        assertThat(Audit.count(jdbc, "user.password.change", "FAILURE", "user:" + username)).isEqualTo(4);
        assertThat(new FormClient(port).signIn(username, Fixtures.PASSWORD).statusCode()).isEqualTo(423);
        assertThat(new FormClient(port).signIn(username, NEW_PASSWORD).statusCode()).isEqualTo(423);
    }

    @Test
    void theSecretBeingEnrolledIsSealedInTheSessionStore() {
        String username = Fixtures.user(administration, "sealer", "operator");
        var browser = signedIn(username);
        browser.get("/account");
        browser.post("/account/totp/start", Map.of());
        var account = browser.get("/account");
        byte[] secret = Base32.decode(FormClient.textOf(account, "totp-secret"));

        byte[] stored = jdbc.sql("""
                        SELECT a.attribute_bytes FROM spring_session_attributes a
                        JOIN spring_session s ON s.primary_id = a.session_primary_id
                        WHERE s.principal_name = ? AND a.attribute_name = 'atalaya.identity.pendingTotpSecret'""")
                .param(username).query(byte[].class).single();

        assertThat(Collections.indexOfSubList(bytes(stored), bytes(secret))).isEqualTo(-1);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).contains("v1:");
        var confirmed = browser.post("/account/totp/confirm",
                Map.of("code", Totp.code(secret, Totp.stepAt(Instant.now()), Totp.DIGITS)));
        assertThat(FormClient.location(confirmed)).isEqualTo("/account#two-factor");
        assertThat(browser.get("/account").body()).contains("Two-factor sign-in is on.");
    }

    @Test
    void aTokenMadeOnThePageIsShownOnceAndCanBeRevoked() {
        var browser = signedIn(Fixtures.user(administration, "tinkerer", "operator"));
        browser.get("/account");

        var created = browser.post("/account/tokens", Map.of("label", "camera test script"));

        String token = FormClient.textOf(created, "new-token");
        assertThat(token).startsWith("atl_");
        assertThat(new ApiClient(port, token).get("/api/v1/me").statusCode()).isEqualTo(200);
        var later = browser.get("/account");
        assertThat(later.body()).contains("camera test script").contains(token.substring(0, 12)).doesNotContain(token);

        String id = later.body().replaceAll("(?s).*/account/tokens/(\\d+)/revoke.*", "$1");
        browser.post("/account/tokens/" + id + "/revoke", Map.of());

        assertThat(browser.get("/account").body()).contains("The token was revoked.");
        assertThat(new ApiClient(port, token).get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void theAccountPageSpeaksSpanish() {
        var browser = signedIn(Fixtures.user(administration, "hablante", "operator"));

        var page = browser.get("/account?lang=es");

        assertThat(page.body()).contains("Su cuenta").contains("Verificación en dos pasos").contains("Tokens personales de API");
    }

    private static List<Byte> bytes(byte[] array) {
        var list = new ArrayList<Byte>(array.length);
        for (byte b : array) list.add(b);
        return list;
    }

    private FormClient signedIn(String username) {
        var browser = new FormClient(port);
        browser.signIn(username, Fixtures.PASSWORD);
        return browser;
    }
}
