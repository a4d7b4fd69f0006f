package org.atalaya.playback.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.atalaya.identity.UserAccounts;
import org.atalaya.playback.internal.PlaybackFixtures.RecordedCamera;
import org.atalaya.recording.GapIndex;
import org.atalaya.recording.SegmentIndex;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.TestAccounts.Grant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An operator opens a camera's recorded video on the console, gives a reason and watches it play. */
@AtalayaTest
class PlaybackPageTest {

    private static final String PASSWORD = "a-long-playback-passphrase";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SegmentIndex segments;
    @Autowired
    GapIndex gaps;

    @TempDir
    Path storage;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void playsTheChosenMinuteWithAReasonAndOffersItAsAClip() {
        var fixtures = new PlaybackFixtures(jdbc, accounts, segments, gaps, port);
        RecordedCamera camera = fixtures.recordedCamera(storage,
                Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS));
        String username = fixtures.userWith(PASSWORD,
                List.of(new Grant("CAMERA_VIEW", camera.group()), new Grant("PLAYBACK_VIEW", camera.group())));
        String reason = PlaybackFixtures.unique("Check of the reported fall");

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, username, PASSWORD);

            page.navigate("/playback");
            assertThat(page.locator(".sidebar a[aria-current='page']")).containsText("Playback");
            assertThat(page.locator("#playback-cameras")).hasCount(1);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(camera.name()).setExact(true)).click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/cameras/" + camera.id() + "/playback$"));
            assertThat(page.locator("#ranges tbody tr")).hasCount(2);
            assertThat(page.locator("#gaps")).containsText(PlaybackFixtures.GAP_REASON);
            assertThat(page.getByLabel("Start")).not().hasValue("");

            page.evaluate("""
                    iso => {
                      const at = new Date(iso), pad = (n) => String(n).padStart(2, "0");
                      document.getElementById("start").value = at.getFullYear() + "-" + pad(at.getMonth() + 1)
                        + "-" + pad(at.getDate()) + "T" + pad(at.getHours()) + ":" + pad(at.getMinutes())
                        + ":" + pad(at.getSeconds());
                    }""", camera.at(8).toString());
            page.getByLabel("Reason").fill(reason);
            page.getByLabel("Case number").fill("CASE-77");
            page.locator("#play").click();
            // from 8 s, two seconds in, the player crosses into the second segment file
            page.waitForFunction("() => document.getElementById('player').currentTime > 4", null,
                    new Page.WaitForFunctionOptions().setTimeout(30_000));
            assertThat(page.locator("#playback-error")).isEmpty();
            assertThat(page.locator("#download")).isVisible();
            assertThat(page.locator("#download")).hasAttribute("href",
                    java.util.regex.Pattern.compile("/api/v1/cameras/" + camera.id() + "/clip\\.mp4\\?.*case=CASE-77"));

            assertThat(page.navigate("/cameras/" + (camera.id() + 1_000_000) + "/playback").status()).isEqualTo(404);
            page.navigate("/cameras/" + camera.id() + "/playback?lang=es");
            assertThat(page.locator("#ranges-heading")).hasText("Grabado en las últimas 6 horas");
        }
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE reason = ? AND case_number = 'CASE-77'")
                .param(reason).query(String.class).list()).containsExactly("recording.playback");
    }
}
