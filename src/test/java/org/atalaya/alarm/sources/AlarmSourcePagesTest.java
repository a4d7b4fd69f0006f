package org.atalaya.alarm.sources;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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

/** A supervisor adds a panic button on the console, copies its token once and sees its first event in the list. */
@AtalayaTest
class AlarmSourcePagesTest {

    private static final String PASSWORD = "a-long-sources-supervisor-passphrase";
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

    @Test
    void addAPanicButtonUseItsTokenOnceAndSeeItsEvent() {
        SourceFixtures fixtures = new SourceFixtures(jdbc, accounts, port);
        long camera = fixtures.camera();
        String supervisor = TestAccounts.unique("sources-supervisor");
        accounts.create(supervisor, "Sources Supervisor", PASSWORD, Set.of("supervisor"));
        String name = SourceFixtures.name("lobby-panic");
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, supervisor, PASSWORD);

            page.navigate("/alarms/sources");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add source")).click();
            assertThat(page.getByLabel("Broker (tcp:// or ssl://)")).isHidden();
            page.getByLabel("Kind").selectOption("mqtt");
            page.getByLabel("Name").fill(name + "-mqtt");
            page.getByLabel("Broker (tcp:// or ssl://)").fill("http://192.0.2.10");
            page.getByLabel("Topic filter (+ and # allowed)").fill("lobby/#");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator(".flash.error")).containsText("must begin with tcp:// or ssl://");

            page.getByLabel("Kind").selectOption("webhook");
            page.getByLabel("Name").fill(name);
            page.getByLabel("Latitude").fill("-24.1858");
            page.getByLabel("Longitude").fill("-65.2995");
            page.getByLabel("Linked cameras").selectOption(String.valueOf(camera));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

            assertThat(page.locator("#token-heading")).containsText(name);
            String token = page.locator("#source-token").textContent().strip();
            assertThat(page.locator("#example-curl")).containsText("X-Atalaya-Source-Token: " + token);
            long id = Long.parseLong(page.locator("#webhook-url").textContent().replaceAll(".*/alarm-sources/(\\d+)/events",
                    "$1"));
            org.assertj.core.api.Assertions.assertThat(fixtures.postEvent(id, token,
                    "{\"event\": \"panic\", \"message\": \"Lobby panic button\"}").statusCode()).isEqualTo(202);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Done")).click();
            var row = page.locator("#alarm-sources tr", new Page.LocatorOptions().setHasText(name));
            assertThat(row).containsText("Webhook");
            assertThat(row).containsText("listening");
            assertThat(row).containsText("active");
            assertThat(row).not().containsText(token);
        }
    }
}
