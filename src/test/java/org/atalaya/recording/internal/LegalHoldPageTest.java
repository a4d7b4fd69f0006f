package org.atalaya.recording.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.TestAccounts.Grant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A supervisor in Buenos Aires sets a hold on a camera of their group from the console, typing local times, and then
 * releases it with a reason.
 */
@AtalayaTest
class LegalHoldPageTest {

    private static final String PASSWORD = "a-long-legal-hold-passphrase";

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

    private static JsonObject jsonObject(String key, String value) {
        JsonObject object = new JsonObject();
        object.addProperty(key, value);
        return object;
    }

    @Test
    void setAndReleaseAHoldOnTheConsole() {
        LegalHoldFixtures fixtures = new LegalHoldFixtures(jdbc, accounts, port);
        String group = fixtures.group();
        String cameraName = LegalHoldFixtures.unique("Plaza");
        long camera = fixtures.camera(group, cameraName);
        String otherCamera = LegalHoldFixtures.unique("Elsewhere");
        fixtures.camera(fixtures.group(), otherCamera);
        String username = fixtures.userWith(PASSWORD, List.of(new Grant("CAMERA_VIEW", group),
                new Grant("LEGAL_HOLD_MANAGE", group)));

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            context.newCDPSession(page).send("Emulation.setTimezoneOverride",
                    jsonObject("timezoneId", "America/Argentina/Buenos_Aires"));
            Browser.signIn(page, username, PASSWORD);

            page.navigate("/legal-holds");
            assertThat(page.locator("#holds-heading")).hasText("Active legal holds");
            Locator cameraSelect = page.getByLabel("Camera", new Page.GetByLabelOptions().setExact(true));
            assertThat(cameraSelect.locator("option")).hasText(new String[] {cameraName});

            page.getByLabel("From").fill("2026-11-02T23:00");
            page.getByLabel("To").fill("2026-11-02T21:30");
            page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).fill("Assault reported at the plaza");
            page.getByLabel("Case number").fill("IPP-77/26");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set hold")).click();
            assertThat(page.locator(".flash.error")).containsText("The hold must start before it ends.");
            assertThat(page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue("Assault reported at the plaza");
            assertThat(page.getByLabel("From")).hasValue("2026-11-02T23:00");

            page.getByLabel("From").fill("2026-11-02T21:30");
            page.getByLabel("To").fill("2026-11-02T23:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set hold")).click();
            assertThat(page.locator(".flash.ok")).containsText("Legal hold set on " + cameraName);

            Map<String, Object> hold = jdbc.sql("""
                            SELECT id, starts_at, ends_at, reason, case_number, set_by FROM legal_hold
                            WHERE camera_id = ?""")
                    .param(camera).query().singleRow();
            assertThat(((Timestamp) hold.get("starts_at")).toInstant())
                    .as("typed in Buenos Aires time (UTC-3), kept in UTC").isEqualTo(Instant.parse("2026-11-03T00:30:00Z"));
            assertThat(((Timestamp) hold.get("ends_at")).toInstant()).isEqualTo(Instant.parse("2026-11-03T02:00:00Z"));
            assertThat(hold).containsEntry("reason", "Assault reported at the plaza")
                    .containsEntry("case_number", "IPP-77/26").containsEntry("set_by", username);

            Locator row = page.locator("#legal-holds tr", new Page.LocatorOptions().setHasText(cameraName));
            assertThat(row).containsText("Assault reported at the plaza");
            assertThat(row).containsText("IPP-77/26");
            assertThat(row).containsText(username);
            assertThat(row.locator("time").first()).hasAttribute("datetime", "2026-11-03T00:30:00Z");

            Locator releaseReason = row.getByLabel("Reason for release");
            releaseReason.focus();
            page.keyboard().type("Prosecutor closed the case");
            page.keyboard().press("Enter");
            assertThat(page.locator(".flash.ok")).containsText("The legal hold was released.");
            assertThat(page.locator("#legal-holds tr", new Page.LocatorOptions().setHasText(cameraName))).hasCount(0);

            Map<String, Object> released = jdbc.sql(
                            "SELECT released_by, release_reason FROM legal_hold WHERE id = ?")
                    .param(hold.get("id")).query().singleRow();
            assertThat(released).containsEntry("released_by", username)
                    .containsEntry("release_reason", "Prosecutor closed the case");

            page.navigate("/legal-holds?lang=es");
            assertThat(page.locator("#holds-heading")).hasText("Retenciones judiciales activas");
        }
    }
}
