package org.atalaya.wall.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.TestAccounts;
import org.atalaya.wall.internal.WallFixtures.Operator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator builds a wall on the console by mouse and by keyboard, saves it, opens it again and shares it; a
 * colleague opens the shared wall and sees only the cameras they may watch. In the test profile nothing streams, so
 * tiles show a camera's name and a status, not a picture.
 */
@AtalayaTest
class WallPageTest {

    private static final LocatorAssertions.HasAttributeOptions WITHIN_FIVE_SECONDS =
            new LocatorAssertions.HasAttributeOptions().setTimeout(5_000);

    /** How long a check that waits for the server may wait: the suite may share the machine with other work. */
    private static final double SERVER_ANSWER_MILLIS = 20_000;

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    private WallFixtures fixtures;
    private String group;
    private String gateName;
    private long gate;
    private String squareName;
    private long square;

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
        fixtures = new WallFixtures(jdbc, accounts, port);
        group = fixtures.group();
        gateName = TestAccounts.unique("Gate");
        gate = fixtures.camera(group, gateName);
        squareName = TestAccounts.unique("Square");
        square = fixtures.camera(group, squareName);
    }

    @Test
    void aWallSavedByNameOpensWithTheSameCamerasOnTheSameTilesAndOthersSeeItOnlyWhenShared() {
        String otherGroup = fixtures.group();
        String depotName = TestAccounts.unique("Depot");
        long depot = fixtures.camera(otherGroup, depotName);
        Operator owner = fixtures.watcherOf(group, otherGroup);
        Operator colleague = fixtures.watcherOf(group);
        String name = TestAccounts.unique("Evening");

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, owner.username(), WallFixtures.PASSWORD);
            page.navigate("/live");
            assertThat(page.locator(".sidebar a[aria-current='page']")).containsText("Live wall");
            page.locator("button[data-grid='2x2']").click();
            page.locator(camera(gateName)).dragTo(tile(page, 1));
            page.locator(camera(depotName)).dragTo(tile(page, 2));
            page.locator(camera(squareName)).dragTo(tile(page, 4));
            tile(page, 4).dragTo(tile(page, 3));
            assertThat(tile(page, 1)).hasAttribute("data-camera-id", String.valueOf(gate));
            assertThat(tile(page, 2)).hasAttribute("data-camera-id", String.valueOf(depot));
            assertThat(tile(page, 3)).hasAttribute("data-camera-id", String.valueOf(square));
            assertThat(tile(page, 4)).hasAttribute("data-kind", "empty");
            assertThat(tile(page, 1).locator(".wall-tile-name")).hasText(gateName);

            saveAs(page, name, false);
            assertThat(page.locator("#wall-message")).hasText("Layout “" + name + "” saved.");
            assertThat(page.locator("#wall-current")).hasText(name);

            page.reload();
            assertThat(page.locator("#wall-current")).hasText(name,
                    new LocatorAssertions.HasTextOptions().setTimeout(SERVER_ANSWER_MILLIS));
            assertThat(tile(page, 3)).hasAttribute("data-camera-id", String.valueOf(square));
            page.locator("button[data-grid='1x1']").click();
            page.keyboard().press("Delete");
            assertThat(page.locator("#wall .wall-tile")).hasCount(1);
            assertThat(tile(page, 1)).hasAttribute("data-kind", "empty");
            assertThat(page.locator("#wall-current")).hasText(name + " · changed");

            page.locator("#wall-layout-select").selectOption(new SelectOption()
                    .setLabel(name));
            page.locator("#wall-open").click();
            assertThat(page.locator("#wall .wall-tile")).hasCount(4);
            assertThat(page.locator("button[data-grid='2x2']")).hasAttribute("aria-pressed", "true");
            assertThat(tile(page, 1)).hasAttribute("data-camera-id", String.valueOf(gate));
            assertThat(tile(page, 2)).hasAttribute("data-camera-id", String.valueOf(depot));
            assertThat(tile(page, 3)).hasAttribute("data-camera-id", String.valueOf(square));
            assertThat(tile(page, 4)).hasAttribute("data-kind", "empty");
            assertThat(page).hasURL(Pattern.compile(".*/live\\?layout=\\d+$"));
            String address = page.url();

            Page other = browser.newContext("http://localhost:" + port, "en").newPage();
            Browser.signIn(other, colleague.username(), WallFixtures.PASSWORD);
            other.navigate(address);
            assertThat(other.locator("#wall-message")).containsText("that you may open");
            assertThat(other.locator("#wall-layout-select option", new Page.LocatorOptions().setHasText(name)))
                    .hasCount(0);

            saveAs(page, name + " shared", true);
            assertThat(page.locator("#wall-current")).hasText(name + " shared");
            String shared = page.url();

            other.navigate(shared);
            assertThat(other.locator("#wall-current")).hasText(name + " shared");
            assertThat(tile(other, 1)).hasAttribute("data-camera-id", String.valueOf(gate));
            assertThat(tile(other, 2)).hasAttribute("data-kind", "forbidden");
            assertThat(tile(other, 2).locator(".wall-tile-status")).hasText("No permission");
            assertThat(tile(other, 2)).not().containsText(depotName);
            assertThat(tile(other, 3)).hasAttribute("data-camera-id", String.valueOf(square));
            assertThat(other.locator("#wall-layout-select option",
                    new Page.LocatorOptions().setHasText(name + " shared (shared by " + owner.username() + ")")))
                    .hasCount(1);
            assertThat(other.locator("#wall-delete")).isDisabled();
            other.context().close();
        }
    }

    @Test
    void camerasArePutOnTilesByKeyboardAndFromALinkToTheWall() {
        Operator operator = fixtures.watcherOf(group);

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, operator.username(), WallFixtures.PASSWORD);
            page.navigate("/live?add=" + square);
            assertThat(tile(page, 1)).hasAttribute("data-camera-id", String.valueOf(square));
            assertThat(page).hasURL(Pattern.compile(".*/live$"));

            page.keyboard().press("Shift+5");
            assertThat(page.locator("#wall .wall-tile")).hasCount(6);
            Assertions.assertThat(tile(page, 1).boundingBox().width)
                    .as("the large tile of 1+5").isGreaterThan(tile(page, 2).boundingBox().width * 1.8);
            page.keyboard().press("Shift+3");
            assertThat(page.locator("#wall .wall-tile")).hasCount(9);
            page.keyboard().press("5");
            assertThat(tile(page, 5)).isFocused();
            page.keyboard().press("ArrowRight");
            assertThat(tile(page, 6)).hasClass(Pattern.compile("\\bselected\\b"));
            page.keyboard().press("/");
            assertThat(page.locator("#wall-filter")).isFocused();
            page.keyboard().type(gateName);
            assertThat(page.locator("#wall-camera-list li:not([hidden])")).hasCount(1);
            page.keyboard().press("ArrowDown");
            page.keyboard().press("Enter");
            assertThat(tile(page, 6)).hasAttribute("data-camera-id", String.valueOf(gate));
            assertThat(tile(page, 6).locator(".wall-tile-name")).hasText(gateName);
            assertThat(tile(page, 6).locator(".wall-tile-status")).not().isEmpty();

            page.keyboard().press("Escape");
            assertThat(tile(page, 6)).isFocused();
            page.keyboard().press("Enter");
            assertThat(tile(page, 6)).hasClass(Pattern.compile("\\benlarged\\b"));
            assertThat(tile(page, 1)).isHidden();
            page.keyboard().press("Escape");
            assertThat(tile(page, 1)).isVisible();
            page.keyboard().press("Delete");
            assertThat(tile(page, 6)).hasAttribute("data-kind", "empty");

            page.navigate("/live?add=" + gate); // onto the selected tile
            assertThat(tile(page, 6)).hasAttribute("data-camera-id", String.valueOf(gate));
            assertThat(tile(page, 1)).hasAttribute("data-camera-id", String.valueOf(square));

            page.keyboard().press("f");
            page.waitForFunction("() => document.fullscreenElement && document.fullscreenElement.id === 'wall'");
            page.keyboard().press("f");
            page.waitForFunction("() => document.fullscreenElement === null");

            page.keyboard().press("?");
            assertThat(page.locator("#wall-help")).isVisible();
            page.keyboard().press("Escape");
            page.navigate("/live?lang=es");
            assertThat(page.locator("#wall-cameras-heading")).hasText("Cámaras");
            assertThat(tile(page, 6).locator(".wall-tile-empty")).isEmpty();
            assertThat(tile(page, 2).locator(".wall-tile-empty")).hasText("Suelte aquí una cámara");
        }
    }

    @Test
    void aTourShowsTheNextCameraAfterItsDwell() {
        Operator operator = fixtures.watcherOf(group);

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, operator.username(), WallFixtures.PASSWORD);
            page.navigate("/live");
            page.locator("button[data-grid='2x2']").click();
            page.keyboard().press("2");
            page.keyboard().press("m");
            assertThat(page.locator("#wall-menu")).isVisible();
            page.getByRole(AriaRole.MENUITEM,
                    new Page.GetByRoleOptions().setName("Tour… (T)")).click();
            Locator dialog = page.locator("#wall-tour-dialog");
            assertThat(dialog).isVisible();
            dialog.getByLabel(gateName).check();
            dialog.getByLabel(squareName).check();
            dialog.getByLabel("Seconds per camera").fill("1");
            dialog.locator("button[value='start']").click();

            assertThat(tile(page, 2)).hasAttribute("data-kind", "tour");
            assertThat(tile(page, 2)).hasAttribute("data-camera-id", String.valueOf(gate));
            assertThat(tile(page, 2).locator(".wall-tile-tour")).hasText("Tour 1/2");
            assertThat(tile(page, 2)).hasAttribute("data-camera-id", String.valueOf(square),
                    WITHIN_FIVE_SECONDS);
            assertThat(tile(page, 2).locator(".wall-tile-tour")).hasText("Tour 2/2");
            assertThat(tile(page, 2).locator(".wall-tile-name")).hasText(squareName);
            assertThat(tile(page, 2)).hasAttribute("data-camera-id", String.valueOf(gate),
                    WITHIN_FIVE_SECONDS);

            String name = TestAccounts.unique("Tour");
            saveAs(page, name, false);
            assertThat(page.locator("#wall-current")).hasText(name);
        }
        List<String> tiles = jdbc.sql("SELECT layout->'tiles'->1->'tour'->>'dwellSeconds' FROM wall_layout "
                + "WHERE owner = ?").param(operator.username()).query(String.class).list();
        Assertions.assertThat(tiles).containsExactly("1");
    }

    /** Saves the wall under a new name and waits until the server has answered and the dialog closed. */
    private static void saveAs(Page page, String name, boolean shared) {
        page.locator("#wall-save-as").click();
        page.locator("#wall-save-name").fill(name);
        page.locator("#wall-save-shared").setChecked(shared);
        page.locator("#wall-save-dialog button[value='save']").click();
        assertThat(page.locator("#wall-save-dialog")).isHidden(new LocatorAssertions.IsHiddenOptions()
                .setTimeout(SERVER_ANSWER_MILLIS));
        assertThat(page.locator("#wall-save-error")).isEmpty();
    }

    private static Locator tile(Page page, int number) {
        return page.locator("#wall .wall-tile[data-index='" + (number - 1) + "']");
    }

    private static String camera(String name) {
        return "#wall-camera-list li[data-name='" + name + "']";
    }
}
