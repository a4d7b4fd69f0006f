package org.atalaya.responder.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.Units;
import org.atalaya.identity.UserAccounts;
import org.atalaya.incident.Incidents;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Await;
import org.atalaya.test.Browser;
import org.atalaya.tracking.UnitPositions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A responder on a phone (390 by 844, touch, the position granted and fixed): signs on, is assigned an incident while
 * the page is open, shares the position, and reports en route, on scene and available.
 */
@AtalayaTest
class ResponderPhoneTest {

    private static final double PHONE_LATITUDE = -24.1902;
    private static final double PHONE_LONGITUDE = -65.3051;
    private static final Duration SOON = Duration.ofSeconds(15);
    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Incidents incidents;
    @Autowired
    Units units;
    @Autowired
    UnitPositions positions;

    /** The same Chromium as {@link Browser}'s, for a context with a phone's screen, touch and position. */
    @BeforeAll
    static void start() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Browser.CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void stop() {
        chromium.close();
        playwright.close();
    }

    private BrowserContext phone() {
        return chromium.newContext(new NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("en")
                .setExtraHTTPHeaders(Map.of("Accept-Language", "en"))
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true)
                .setPermissions(List.of("geolocation"))
                .setGeolocation(new Geolocation(PHONE_LATITUDE, PHONE_LONGITUDE).setAccuracy(15)));
    }

    @Test
    void aResponderSignsOnSharesThePositionAndReportsEachStage() {
        var fixtures = new ResponderFixtures(port, jdbc, accounts, incidents);
        String responder = fixtures.responder();
        String callSign = ResponderFixtures.callSign();
        long unit = fixtures.unit(callSign);

        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            Browser.signIn(page, responder, ResponderFixtures.PASSWORD);
            page.navigate("/responder");

            page.locator("button.responder-choice[data-unit='" + callSign + "']").click();
            Locator status = page.locator("#responder-status");
            assertThat(status).hasText("Available");
            assertThat(page.locator(".responder-sign")).hasText(callSign);
            assertThat(units.signedOnBy(responder)).isPresent();

            Locator share = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share my position: off"));
            assertThat(share).hasAttribute("aria-pressed", "false");
            share.click();
            Locator sharing = page.locator("#responder-share-toggle");
            assertThat(sharing).hasAttribute("aria-pressed", "true");
            assertThat(page.locator("#responder-share-state")).containsText("accurate to 15 m");
            var latest = positions.latest(unit).orElseThrow();
            assertThat(latest.latitude()).isEqualTo(PHONE_LATITUDE);
            assertThat(latest.longitude()).isEqualTo(PHONE_LONGITUDE);

            long incident = fixtures.incident();
            fixtures.assign(incident, unit);
            String number = incidents.find(incident).orElseThrow().number();
            assertThat(status).hasText("Dispatched");
            assertThat(page.locator("#responder-incident-number")).hasText(number);
            assertThat(page.locator("#responder-navigate")).hasAttribute("href",
                    "geo:-24.185800,-65.299500?q=-24.185800,-65.299500");
            assertThat(page.locator("#responder-map .responder-incident-marker")).hasCount(1);
            assertThat(page.locator("#responder-map .responder-unit-marker")).hasCount(1);

            assertBigEnoughToPressWithGloves(page.locator(".responder-actions button"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("En route")).click();
            assertThat(status).hasText("En route");
            Await.until(SOON, () -> units.find(unit).orElseThrow().status() == UnitStatus.EN_ROUTE);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("On scene")).click();
            assertThat(status).hasText("On scene");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Available (clear)")).click();
            assertThat(status).hasText("Available");
            assertThat(page.locator("#responder-incident-number")).hasCount(0);
            Await.until(SOON, () -> units.find(unit).orElseThrow().incidentId() == null);
            assertThat(sharing).hasAttribute("aria-pressed", "true");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off the unit")).click();
            assertThat(page.getByText("Choose your unit")).isVisible();
            assertThat(page.locator("#responder-share")).hasCount(0);
            assertThat(units.signedOnBy(responder)).isEmpty();
        }
    }

    private static void assertBigEnoughToPressWithGloves(Locator buttons) {
        assertThat(buttons.count()).isPositive();
        for (Locator button : buttons.all()) {
            var box = button.boundingBox();
            assertThat(box.height).as("height of " + button.textContent()).isGreaterThanOrEqualTo(48);
            assertThat(box.width).as("width of " + button.textContent()).isGreaterThanOrEqualTo(300);
        }
    }
}
