package org.atalaya.wall.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.RtspServer;
import org.atalaya.test.TestAccounts;
import org.atalaya.wall.internal.WallFixtures.Operator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real video on the wall: a camera served by an RTSP server plays on a small tile from its sub-stream and, once the
 * tile is enlarged, from its main stream, while the tiles it hides stop playing until the wall comes back; the tile
 * says it is live.
 */
@AtalayaTest
class WallLiveTest {

    private static final LocatorAssertions.HasAttributeOptions STREAMING =
            new LocatorAssertions.HasAttributeOptions().setTimeout(45_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    @Test
    void aSmallTilePlaysTheSubStreamAndAnEnlargedTileTheMainStream() {
        var fixtures = new WallFixtures(jdbc, accounts, port);
        String group = fixtures.group();
        try (RtspServer streams = RtspServer.withStreams(2).size(320, 180).start();
             Browser browser = new Browser();
             BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            long camera = fixtures.camera(group, TestAccounts.unique("Crossing"), streams.url(1), streams.url(2));
            long corner = fixtures.camera(group, TestAccounts.unique("Corner"), streams.url(1), streams.url(2));
            Operator operator = fixtures.watcherOf(group);
            List<String> sockets = new CopyOnWriteArrayList<>();
            Page page = context.newPage();
            page.onWebSocket(socket -> sockets.add(socket.url()));
            Browser.signIn(page, operator.username(), WallFixtures.PASSWORD);

            page.navigate("/live");
            page.keyboard().press("Shift+3");
            page.navigate("/live?add=" + camera);
            Locator tile = page.locator("#wall .wall-tile[data-index='0']");
            assertThat(tile).hasAttribute("data-camera-id", String.valueOf(camera));
            assertThat(tile).hasAttribute("data-status", "live", STREAMING);
            assertThat(tile.locator(".wall-tile-status")).hasText("Live");
            page.waitForFunction("() => document.querySelector('#wall .wall-tile video').currentTime > 0.5");
            assertThat(sockets).isNotEmpty().allMatch(url -> url.endsWith("/live/stream?stream=sub"));

            page.locator("#wall-camera-list [data-camera-id='" + corner + "']").focus();
            page.keyboard().press("2");
            page.keyboard().press("Enter");
            Locator cornerTile = page.locator("#wall .wall-tile[data-index='1']");
            assertThat(cornerTile).hasAttribute("data-status", "live", STREAMING);

            tile.focus();
            page.keyboard().press("Enter");
            assertThat(tile).hasClass(java.util.regex.Pattern.compile("\\benlarged\\b"));
            page.waitForFunction("() => !document.querySelector(\"#wall .wall-tile[data-index='1'] video\")"
                    + ".hasAttribute('src')");
            page.waitForCondition(() -> sockets.getLast().endsWith("/live/stream?stream=main"));
            assertThat(tile).hasAttribute("data-status", "live", STREAMING);
            page.waitForFunction("() => document.querySelector('#wall .wall-tile video').currentTime > 0.5");

            page.keyboard().press("Escape");
            assertThat(cornerTile).hasAttribute("data-status", "live", STREAMING);
            tile.focus();
            page.keyboard().press("Delete");
            assertThat(tile).hasAttribute("data-kind", "empty");
            assertThat(tile).hasAttribute("data-status", "");
        }
    }
}
