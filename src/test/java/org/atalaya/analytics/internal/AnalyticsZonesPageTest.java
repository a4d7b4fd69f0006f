package org.atalaya.analytics.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.atalaya.camera.GrayFrame;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A supervisor draws zones on the camera's current picture with the mouse and the keyboard, sets the schedule and
 * tamper, saves, reloads and finds everything as it was.
 */
@AtalayaTest
class AnalyticsZonesPageTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    LatestFrames frames;

    private AnalyticsSettingsFixtures fixtures;
    private long camera;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void camera() {
        fixtures = new AnalyticsSettingsFixtures(jdbc, accounts, port);
        camera = fixtures.analysedCamera(fixtures.group());
    }

    @Test
    void aZoneDrawnWithClicksIsSavedAndComesBackAfterAReload() {
        byte[] pixels = new byte[160 * 90];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i % 160);
        frames.put(camera, new GrayFrame(160, 90, pixels, Instant.now()));
        var supervisor = fixtures.withRoles("supervisor");

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, supervisor.username(), AnalyticsSettingsFixtures.PASSWORD);
            page.navigate("/analytics");
            page.locator("a[href='/cameras/" + camera + "/analytics']").click();
            assertThat(page.locator("#az-picture")).isVisible();
            Locator overlay = page.locator("#az-overlay");

            clickAt(overlay, 0.2, 0.2);
            clickAt(overlay, 0.6, 0.2);
            clickAt(overlay, 0.6, 0.6);
            clickAt(overlay, 0.2, 0.6);
            page.keyboard().press("Backspace");
            assertThat(page.locator("#az-status")).hasText("Drawing a zone: 3 points. Enter closes it, Escape cancels.");
            page.keyboard().press("Enter");
            assertThat(page.locator(".az-zone-item")).hasCount(1);
            page.locator("#az-zone-name").fill("Gate area");
            page.locator("#az-zone-sensitivity").fill("80");
            page.locator("#az-zone-area").fill("2.5");

            clickAt(overlay, 0.75, 0.1);
            clickAt(overlay, 0.9, 0.1);
            overlay.dblclick(new Locator.DblclickOptions().setPosition(position(overlay, 0.9, 0.3)));
            assertThat(page.locator(".az-zone-item")).hasCount(2);
            page.locator("#az-zone-name").fill("Flag");
            page.locator("#az-zone-kind").selectOption("exclude");

            clickAt(overlay, 0.1, 0.8);
            page.keyboard().press("Escape");
            assertThat(page.locator(".az-zone-item")).hasCount(2);

            page.locator("#az-tamper").uncheck();
            page.locator("#az-add-window").click();
            page.locator("#az-save").click();
            assertThat(page.locator("#az-message")).hasText(
                    "Saved. The camera is analysed with these settings from its next picture.");

            page.reload();
            assertThat(page.locator(".az-zone-item")).hasCount(2);
            assertThat(page.locator(".az-zone-item").first()).containsText("Gate area");
            assertThat(page.locator("polygon.az-exclude")).hasCount(1);
            assertThat(page.locator("#az-tamper")).not().isChecked();
            assertThat(page.locator(".az-window")).hasCount(1);
        }

        JsonNode saved = ApiClient.json(supervisor.get("/api/v1/cameras/" + camera + "/analytics"));
        JsonNode gate = saved.path("zones").get(0);
        Assertions.assertThat(gate.path("name").asString()).isEqualTo("Gate area");
        Assertions.assertThat(gate.path("sensitivity").asInt()).isEqualTo(80);
        Assertions.assertThat(gate.path("minAreaPercent").asDouble()).isEqualTo(2.5);
        Assertions.assertThat(gate.path("polygon")).hasSize(3);
        Assertions.assertThat(gate.path("polygon").get(1).get(0).asDouble()).isCloseTo(0.6, Offset.offset(0.01));
        Assertions.assertThat(gate.path("polygon").get(1).get(1).asDouble()).isCloseTo(0.2, Offset.offset(0.01));
        Assertions.assertThat(saved.path("zones").get(1).path("kind").asString()).isEqualTo("exclude");
        Assertions.assertThat(saved.path("zones").get(1).path("polygon")).hasSize(3);
        Assertions.assertThat(saved.path("tamperEnabled").asBoolean()).isFalse();
        Assertions.assertThat(saved.path("schedule")).hasSize(1);
    }

    @Test
    void withoutAPictureTheEditorWorksOnAnEmptyFrameAndSpeaksSpanish() {
        frames.forget(camera);
        var supervisor = fixtures.withRoles("supervisor");

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, supervisor.username(), AnalyticsSettingsFixtures.PASSWORD);
            page.navigate("/cameras/" + camera + "/analytics?lang=es");
            assertThat(page.locator("#az-picture-note")).containsText("Todavía no hay imagen");
            assertThat(page.locator("#az-picture")).isHidden();

            page.locator("#az-draw").click();
            Locator overlay = page.locator("#az-overlay");
            overlay.press("Space");
            overlay.press("Shift+ArrowRight");
            overlay.press("Space");
            overlay.press("Shift+ArrowDown");
            overlay.press("Space");
            overlay.press("Enter");
            assertThat(page.locator(".az-zone-item")).hasCount(1);
            page.locator("#az-zone-name").fill("Zona uno");
            page.locator("#az-zone-name").fill("");
            page.locator("#az-save").click();

            assertThat(page.locator("#az-message"))
                    .hasText("No se guardó: El nombre de una zona debe tener de 1 a 40 caracteres.");
        }
    }

    private static void clickAt(Locator overlay, double x, double y) {
        overlay.click(new Locator.ClickOptions().setPosition(position(overlay, x, y)));
    }

    private static com.microsoft.playwright.options.Position position(Locator overlay, double x, double y) {
        BoundingBox box = overlay.boundingBox();
        return new com.microsoft.playwright.options.Position(box.width * x, box.height * y);
    }
}
