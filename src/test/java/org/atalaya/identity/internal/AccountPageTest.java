package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AtalayaTest
class AccountPageTest {

    private static final String NEW_PASSWORD = "another quite long password";

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

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
    void aTokenMadeOnThePageIsShownOnceAndCanBeRevoked() {
        var browser = signedIn(Fixtures.user(administration, "tinkerer", "operator"));
        browser.get("/account");

        var created = browser.post("/account/tokens", Map.of("label", "camera test script"));

        String token = FormClient.textOf(created, "new-token");
        assertThat(token).startsWith("atl_");
        assertThat(new Api(port, token).get("/api/v1/me").statusCode()).isEqualTo(200);
        var later = browser.get("/account");
        assertThat(later.body()).contains("camera test script").contains(token.substring(0, 12)).doesNotContain(token);

        String id = later.body().replaceAll("(?s).*/account/tokens/(\\d+)/revoke.*", "$1");
        browser.post("/account/tokens/" + id + "/revoke", Map.of());

        assertThat(browser.get("/account").body()).contains("The token was revoked.");
        assertThat(new Api(port, token).get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void theAccountPageSpeaksSpanish() {
        var browser = signedIn(Fixtures.user(administration, "hablante", "operator"));

        var page = browser.get("/account?lang=es");

        assertThat(page.body()).contains("Su cuenta").contains("Verificación en dos pasos").contains("Tokens personales de API");
    }

    private FormClient signedIn(String username) {
        var browser = new FormClient(port);
        browser.signIn(username, Fixtures.PASSWORD);
        return browser;
    }
}
