package org.atalaya.map.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.atalaya.camera.CameraStatus;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.TestAccounts.Grant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator follows the cameras on the map: where they look, whether their video arrives (and a camera added
 * meanwhile), and opens one.
 */
@AtalayaTest
class MapPageTest {

    private static final String PASSWORD = "a-long-map-passphrase";
    /** The theme's colours (--ok, --danger, --warn) as the browser computes them. */
    private static final String GREEN = "rgb(70, 201, 139)";
    private static final String RED = "rgb(255, 122, 112)";
    private static final String AMBER = "rgb(233, 185, 73)";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    MapFixtures fixtures;
    String group;
    String gateName;
    String plazaName;
    long gate;
    long plaza;
    long tower;
    long unplaced;
    long hidden;
    String username;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void cameras() {
        fixtures = new MapFixtures(jdbc, accounts, events, transaction, port);
        group = fixtures.group();
        String otherGroup = fixtures.group();
        gateName = MapFixtures.name("gate");
        plazaName = MapFixtures.name("plaza");
        gate = fixtures.camera(gateName, group, -24.1858, -65.2995, 45.0);
        plaza = fixtures.camera(plazaName, group, -24.1845, -65.3010, 200.0);
        tower = fixtures.camera(MapFixtures.name("tower"), group, -24.1870, -65.2980, null);
        unplaced = fixtures.unplacedCamera(MapFixtures.name("storeroom"), group);
        hidden = fixtures.camera(MapFixtures.name("yard"), otherGroup, -24.1850, -65.2990, 90.0);
        username = fixtures.userWith(PASSWORD, List.of(new Grant("CAMERA_VIEW", group), new Grant("LIVE_VIEW", group),
                new Grant("PLAYBACK_VIEW", group)));
        fixtures.report(gate, CameraStatus.ONLINE, Instant.now().minusSeconds(60));
    }

    @Test
    void showsTheCamerasWithTheirConesColouredByStatusAndFollowsChangesWithoutReload() {
        List<String> requested = new CopyOnWriteArrayList<>();
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            page.onRequest(request -> requested.add(request.url()));
            Browser.signIn(page, username, PASSWORD);

            page.navigate("/map");
            assertThat(page.locator(".sidebar a[aria-current='page']")).containsText("Map");
            assertThat(marker(page, gate)).hasAttribute("data-status", "online");
            assertThat(marker(page, plaza)).hasAttribute("data-status", "unknown");
            assertThat(marker(page, tower)).hasCount(1);
            assertThat(marker(page, hidden)).hasCount(0);
            assertThat(page.locator("#map-list li[data-camera-id='" + hidden + "']")).hasCount(0);
            assertThat(page.locator("#map-list li[data-camera-id='" + unplaced + "']")).containsText("not placed");
            assertThat(cone(page, gate)).hasCount(1);
            assertThat(cone(page, plaza)).hasCount(1);
            assertThat(cone(page, tower)).hasCount(0); // no heading, no cone
            assertThat(colour(marker(page, gate), "background-color")).isEqualTo(GREEN);
            assertThat(colour(cone(page, gate), "fill")).isEqualTo(GREEN);
            assertThat(colour(marker(page, plaza), "background-color")).isEqualTo(AMBER);

            assertThat(page.locator("#map-stream")).hasAttribute("data-state", "open");
            fixtures.report(gate, CameraStatus.OFFLINE, Instant.now());
            assertThat(marker(page, gate)).hasAttribute("data-status", "offline");
            assertThat(colour(marker(page, gate), "background-color")).isEqualTo(RED);
            assertThat(colour(cone(page, gate), "fill")).isEqualTo(RED);
            assertThat(page.locator("#map-list li[data-camera-id='" + gate + "']")).containsText("offline: unreachable");

            long added = fixtures.camera(MapFixtures.name("kiosk"), group, -24.1852, -65.2985, 300.0);
            assertThat(marker(page, added)).hasAttribute("data-status", "unknown");
            assertThat(cone(page, added)).hasCount(1);
            assertThat(marker(page, gate)).hasAttribute("data-status", "offline");

            marker(page, gate).click();
            Locator popup = page.locator(".map-popup[data-camera-id='" + gate + "']");
            assertThat(popup).containsText(gateName);
            assertThat(popup).containsText("offline: unreachable");
            assertThat(popup.locator("a[data-link='wall']")).hasAttribute("href", "/live?add=" + gate);
            assertThat(popup.locator("a[data-link='playback']")).hasAttribute("href", "/cameras/" + gate + "/playback");
            popup.locator("a[data-link='live']").click();
            assertThat(page).hasURL(Pattern.compile(".*/cameras/" + gate + "/live$"));
        }
        String origin = "http://localhost:" + port + "/";
        assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(origin));
        assertThat(requested).anyMatch(url -> url.contains("/webjars/leaflet/"));
    }

    @Test
    void camerasAreReachedByKeyboardAndFromTheFilteredListInEitherLanguage() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, username, PASSWORD);
            page.navigate("/map?lang=es");
            assertThat(page.locator("#map-cameras-heading")).hasText("Cámaras");
            assertThat(marker(page, gate)).hasAttribute("tabindex", "0");
            assertThat(marker(page, gate)).hasAttribute("aria-label", gateName + ", en línea");

            marker(page, gate).focus();
            page.keyboard().press("Enter");
            Locator gatePopup = page.locator(".map-popup[data-camera-id='" + gate + "']");
            assertThat(gatePopup).containsText("en línea");
            assertThat(gatePopup.locator("a[data-link='live']")).hasText("En vivo");

            page.getByLabel("Filtrar cámaras").fill(plazaName.toUpperCase());
            assertThat(page.locator("#map-list li[data-camera-id='" + gate + "']")).isHidden();
            Locator plazaItem = page.locator("#map-list li[data-camera-id='" + plaza + "'] button");
            assertThat(plazaItem).isVisible();
            plazaItem.click();
            assertThat(page.locator(".map-popup[data-camera-id='" + plaza + "']")).containsText("estado aún desconocido");
        }
    }

    private static Locator marker(Page page, long cameraId) {
        return page.locator(".map-marker[data-camera-id='" + cameraId + "']");
    }

    private static Locator cone(Page page, long cameraId) {
        return page.locator("path.map-cone[data-camera-id='" + cameraId + "']");
    }

    private static String colour(Locator element, String property) {
        return (String) element.evaluate("(node, property) => getComputedStyle(node)[property]", property);
    }
}
