package org.atalaya.camera.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Set;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The camera form's analytics box: ticking it analyses the camera, unticking it stops that. */
@AtalayaTest
class CameraAnalyticsFormTest {

    private static final String PASSPHRASE = "a-long-analytics-form-passphrase";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private boolean analysed(String name) {
        return jdbc.sql("SELECT analysed FROM cameras WHERE name = ?").param(name).query(Boolean.class).single();
    }

    @Test
    void theAnalyticsBoxTurnsAnalysisOnAndOff() {
        String group = new TestAccounts(jdbc, accounts, "analytics-form").group();
        String username = TestAccounts.unique("analytics-form");
        accounts.create(username, "Camera Admin", PASSPHRASE, Set.of("admin"));
        String name = TestAccounts.unique("Esquina");
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, username, PASSPHRASE);

            page.navigate("/cameras/new");
            page.locator("#name").fill(name);
            page.locator("#cameraGroup").selectOption(group);
            page.locator("#mainUrl").fill("rtsp://192.0.2.10:554/stream1");
            var box = page.getByLabel("Analyse video (motion and tamper)");
            assertThat(box).not().isChecked();
            box.check();
            page.locator("main form button[type=submit]").click();
            page.waitForURL("**/cameras");
            assertThat(analysed(name)).isTrue();

            page.locator("#cameras tr", new Page.LocatorOptions().setHasText(name))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(name))
                    .click();
            assertThat(box).isChecked();
            box.uncheck();
            page.locator("main form button[type=submit]").click();
            page.waitForURL("**/cameras");
            assertThat(analysed(name)).isFalse();
        }
    }
}
