package org.atalaya.playback.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.atalaya.identity.UserAccounts;
import org.atalaya.playback.internal.PlaybackFixtures.RecordedCamera;
import org.atalaya.recording.GapIndex;
import org.atalaya.recording.SegmentIndex;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Await;
import org.atalaya.test.Browser;
import org.atalaya.test.TestAccounts.Grant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator works with recorded video on the timeline player: gives a reason once, finds a time on the timeline,
 * plays two cameras together and exports a range. Two cameras recorded over the same minute serve every test.
 */
@AtalayaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaybackPageTest {

    private static final String PASSWORD = "a-long-playback-passphrase";
    private static final Page.WaitForFunctionOptions PATIENTLY = new Page.WaitForFunctionOptions().setTimeout(20_000);

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
    static Path storage;

    private Browser browser;
    private RecordedCamera gate;
    private RecordedCamera plaza;
    private String username;

    @BeforeAll
    void start() {
        browser = new Browser();
        var fixtures = new PlaybackFixtures(jdbc, accounts, segments, gaps, port);
        Instant start = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        gate = fixtures.recordedCamera(storage, start);
        plaza = fixtures.recordedCamera(storage, start);
        username = fixtures.userWith(PASSWORD, List.of(
                new Grant("CAMERA_VIEW", gate.group()), new Grant("PLAYBACK_VIEW", gate.group()),
                new Grant("CAMERA_VIEW", plaza.group()), new Grant("PLAYBACK_VIEW", plaza.group())));
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aClickOnTheTimelinePlaysFromThatInstantAndTheTimelineShowsTheGapAndZooms() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context);
            page.navigate("/cameras/" + gate.id() + "/playback?at=" + gate.at(2));
            giveReason(page, PlaybackFixtures.unique("Check of the reported fall"), "CASE-77");

            awaitPlaying(page, 0);
            assertThat(Instant.parse(page.locator(".pb-tile").getAttribute("data-stream-start")))
                    .as("the keyframe at the chosen instant, from the stream's header").isEqualTo(gate.at(2));

            Locator gap = page.locator(".pb-lane .pb-gap[data-start='" + script(gate.at(30)) + "']");
            assertThat(gap).hasAttribute("data-end", script(gate.at(40)));
            assertThat(gap).hasAttribute("title", PlaybackFixtures.GAP_REASON);
            assertThat(page.locator(".pb-lane .pb-range[data-start='" + script(gate.at(40)) + "']")).hasCount(1);

            Instant target = gate.at(14).plusMillis(500);
            long spanBefore = viewSpan(page).toMillis();
            page.mouse().move(xOf(page, target), timelineY(page));
            for (int i = 0; i < 5; i++) page.mouse().wheel(0, -100);
            assertThat(page.locator("#pb-span")).hasText("1 min");
            assertThat(viewSpan(page).toMillis()).isLessThan(spanBefore).isEqualTo(60_000);

            long clickedAt = System.currentTimeMillis();
            page.mouse().click(xOf(page, target), timelineY(page));
            Instant first = Instant.parse((String) page.waitForFunction("""
                    (target) => { const clock = document.getElementById('pb-clock').dateTime;
                                  return Math.abs(Date.parse(clock) - Date.parse(target)) < 1000 && clock; }""",
                    target.toString(), PATIENTLY).jsonValue());
            assertThat(Duration.between(target, first).abs().toMillis()).isLessThan(1_000);
            page.waitForFunction("""
                    (target) => Date.parse(document.getElementById('pb-clock').dateTime) > Date.parse(target) + 1500
                        && document.querySelector('.pb-tile video').getVideoPlaybackQuality().totalVideoFrames > 0""",
                    target.toString(), PATIENTLY);
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = (Map<String, Object>) page.evaluate("""
                    () => { const tile = document.querySelector('.pb-tile'), video = tile.querySelector('video');
                            return { clock: document.getElementById('pb-clock').dateTime,
                                     streamStart: tile.dataset.streamStart, currentTime: video.currentTime }; }""");
            long elapsed = System.currentTimeMillis() - clickedAt;
            Instant clock = Instant.parse((String) shown.get("clock"));
            Instant streamStart = Instant.parse((String) shown.get("streamStart"));
            double currentTime = ((Number) shown.get("currentTime")).doubleValue();

            assertThat(Duration.between(target, clock).toMillis()).as("played on from the chosen instant")
                    .isBetween(1_500L, elapsed + 1_000L);
            assertThat(currentTime * 1000).as("the clock is the stream's start plus the video's time")
                    .isCloseTo(Duration.between(streamStart, clock).toMillis(), within(500.0));
            assertThat(page.locator("#pb-error")).isEmpty();

            page.keyboard().press(" ");
            assertThat(page.locator("#pb-play")).hasText("Play");
            page.mouse().move(xOf(page, gate.at(20)), timelineY(page));
            page.waitForFunction("""
                    () => { const picture = document.querySelector('.pb-hover img');
                            return !picture.hidden && picture.complete && picture.naturalWidth === 160; }""",
                    null, PATIENTLY);
        }
    }

    @Test
    void playbackGoesOnAcrossAGapAndSaysItJumped() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context);
            page.navigate("/cameras/" + gate.id() + "/playback?at=" + gate.at(27));
            giveReason(page, PlaybackFixtures.unique("Following the van"), "CASE-66");
            awaitPlaying(page, 0);
            page.keyboard().press("]");
            page.keyboard().press("]");
            assertThat(page.locator("#pb-speed")).hasValue("4");

            assertThat(page.locator("#pb-notice")).containsText("jumped to", new com.microsoft.playwright.assertions
                    .LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            page.waitForFunction("(after) => Date.parse(document.getElementById('pb-clock').dateTime) > Date.parse(after)",
                    gate.at(41).toString(), PATIENTLY);
            assertThat(page.locator("#pb-error")).isEmpty();
        }
    }

    @Test
    void theReasonIsAskedOnceForEveryCameraOfTheCase() {
        String reason = PlaybackFixtures.unique("Stolen bicycle");
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context);
            page.navigate("/cameras/" + gate.id() + "/playback?at=" + gate.at(5));
            giveReason(page, reason, "CASE-88");
            awaitPlaying(page, 0);
            assertThat(page.locator("#pb-case")).hasText("CASE-88");

            page.navigate("/cameras/" + plaza.id() + "/playback?at=" + plaza.at(5));
            awaitPlaying(page, 0);
            assertThat(page.locator("#pb-purpose")).isHidden();
            assertThat(page.locator("#pb-case")).hasText("CASE-88");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("change")).click();
            assertThat(page.getByLabel("Reason")).hasValue(reason);
            page.getByLabel("Case number").fill("CASE-89");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
            assertThat(page.locator("#pb-case")).hasText("CASE-89");
            // the video is played again under the new case
            Await.until(Duration.ofSeconds(10), () -> jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE reason = ? AND case_number = 'CASE-89'")
                    .param(reason).query(Long.class).single() == 1);
        }
        assertThat(jdbc.sql("SELECT target FROM audit_entry WHERE reason = ? AND case_number = 'CASE-88' ORDER BY seq")
                .param(reason).query(String.class).list())
                .containsExactly("camera:" + gate.id() + " " + gate.name(), "camera:" + plaza.id() + " " + plaza.name());
    }

    @Test
    void camerasChosenOnTheListPlayTogether() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context);
            page.navigate("/playback");
            page.getByLabel("Play " + gate.name() + " together with others").check();
            page.getByLabel("Play " + plaza.name() + " together with others").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play the chosen cameras together"))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/playback/sync\\?cameras=(" + gate.id() + "," + plaza.id() + "|"
                    + plaza.id() + "," + gate.id() + ")$"));
            page.navigate("/playback/sync?cameras=" + gate.id() + "," + plaza.id() + "&at=" + gate.at(3));
            giveReason(page, PlaybackFixtures.unique("Two views of the crossing"), "");

            assertThat(page.locator(".pb-tile")).hasCount(2);
            awaitPlaying(page, 0);
            awaitPlaying(page, 1);
            @SuppressWarnings("unchecked")
            List<Number> times = (List<Number>) page.evaluate("""
                    () => Array.from(document.querySelectorAll('.pb-tile')).map((tile) =>
                        Date.parse(tile.dataset.streamStart) + tile.querySelector('video').currentTime * 1000)""");
            assertThat(times.get(0).doubleValue()).as("one clock").isCloseTo(times.get(1).doubleValue(), within(700.0));
        }
    }

    @Test
    void aMarkedRangeIsExportedWithProgressAndARefusalIsExplained() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context);
            page.navigate("/cameras/" + gate.id() + "/playback?at=" + gate.at(4));
            giveReason(page, PlaybackFixtures.unique("Evidence for the prosecutor"), "CASE-99");
            page.keyboard().press("+");
            page.keyboard().press("+");
            page.keyboard().press("+");
            assertThat(page.locator("#pb-span")).hasText("5 min");

            shiftDrag(page, gate.at(3), gate.at(8));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export MP4")).click();

            assertThat(page.locator("#pb-export-percent")).hasText("100 %", new com.microsoft.playwright.assertions
                    .LocatorAssertions.HasTextOptions().setTimeout(20_000));
            assertThat(page.locator("#pb-export-progress")).hasJSProperty("value", 100);
            Locator link = page.locator("#pb-export-link");
            assertThat(link).isVisible();
            assertThat(link).hasAttribute("href", Pattern.compile("^blob:"));
            assertThat(link).hasAttribute("download", Pattern.compile("camera-" + gate.id() + "-.*\\.mp4"));

            shiftDrag(page, gate.at(31), gate.at(39));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export MP4")).click();
            assertThat(page.locator("#pb-error")).containsText("The camera recorded nothing in that time range.");
        }
    }

    /** An instant as the page's script writes it: ISO-8601 in UTC with milliseconds. */
    private static String script(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC).format(at);
    }

    private Page signedIn(BrowserContext context) {
        Page page = context.newPage();
        Browser.signIn(page, username, PASSWORD);
        return page;
    }

    private static void giveReason(Page page, String reason, String caseNumber) {
        assertThat(page.locator("#pb-purpose")).isVisible();
        page.getByLabel("Reason").fill(reason);
        page.getByLabel("Case number").fill(caseNumber);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("#pb-purpose")).isHidden();
    }

    private static void awaitPlaying(Page page, int tile) {
        page.waitForFunction("""
                (index) => { const tile = document.querySelectorAll('.pb-tile')[index];
                             const video = tile.querySelector('video');
                             return tile.dataset.streamStart && video.currentTime > 0.5
                                 && video.getVideoPlaybackQuality().totalVideoFrames > 0; }""", tile, PATIENTLY);
    }

    private static void shiftDrag(Page page, Instant from, Instant to) {
        page.keyboard().down("Shift");
        page.mouse().move(xOf(page, from), timelineY(page));
        page.mouse().down();
        page.mouse().move(xOf(page, to), timelineY(page), new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
        page.mouse().up();
        page.keyboard().up("Shift");
    }

    private static Duration viewSpan(Page page) {
        Locator timeline = page.locator("#pb-timeline");
        return Duration.between(Instant.parse(timeline.getAttribute("data-view-start")),
                Instant.parse(timeline.getAttribute("data-view-end")));
    }

    /** Where on the screen the timeline shows an instant, from the view it says it shows. */
    private static double xOf(Page page, Instant at) {
        Locator timeline = page.locator("#pb-timeline");
        Instant viewStart = Instant.parse(timeline.getAttribute("data-view-start"));
        BoundingBox box = timeline.boundingBox();
        double width = ((Number) timeline.evaluate("element => element.clientWidth")).doubleValue();
        double clientLeft = ((Number) timeline.evaluate("element => element.clientLeft")).doubleValue();
        double fraction = Duration.between(viewStart, at).toMillis() / (double) viewSpan(page).toMillis();
        assertThat(fraction).as("the instant is in view").isBetween(0.0, 1.0);
        return box.x + clientLeft + fraction * width;
    }

    private static double timelineY(Page page) {
        BoundingBox box = page.locator("#pb-timeline .pb-lane").first().boundingBox();
        return box.y + box.height / 2;
    }
}
