package org.atalaya.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.atalaya.identity.UserAccounts;
import org.atalaya.media.ProcessSupervisor;
import org.atalaya.media.SupervisionStatus;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Await;
import org.atalaya.test.Browser;
import org.atalaya.test.LiveViewer;
import org.atalaya.test.RtspServer;
import org.atalaya.test.TestAccounts;
import org.atalaya.test.TestAccounts.Grant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An operator watches a camera live in Chromium; a user without the live permission is told why there is no video. */
@AtalayaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePageTest {

    private static final String PASSWORD = "a-long-live-passphrase";
    private static final String STATUS_IS = "(status) => document.getElementById('live-status').dataset.status === status";
    private static final Page.WaitForFunctionOptions PATIENTLY = new Page.WaitForFunctionOptions()
            .setTimeout(Duration.ofSeconds(30).toMillis());

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ProcessSupervisor supervisor;

    private RtspServer camera;
    private Browser browser;

    @BeforeAll
    void start() {
        camera = RtspServer.withStreams(2).size(640, 360).fps(15).keyframeInterval(Duration.ofSeconds(1)).start();
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        browser.close();
        camera.close();
    }

    @Test
    void aCameraPlaysLiveInTheBrowser() {
        TestAccounts testAccounts = new TestAccounts(jdbc, accounts, "live");
        String group = testAccounts.group();
        long id = createCamera(testAccounts, group);
        String operator = testAccounts.userWith(PASSWORD, List.of(new Grant("CAMERA_VIEW", group),
                new Grant("LIVE_VIEW", group)));

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, operator, PASSWORD);
            page.navigate("/cameras/" + id + "/live");

            page.waitForFunction("""
                    () => { const video = document.getElementById('live-video');
                            return document.getElementById('live-status').dataset.status === 'live'
                                && video.getVideoPlaybackQuality().totalVideoFrames > 0; }""", null, PATIENTLY);
            double before = ((Number) page.evaluate("document.getElementById('live-video').currentTime"))
                    .doubleValue();
            page.waitForFunction("(before) => document.getElementById('live-video').currentTime > before + 1",
                    before, PATIENTLY);
            assertThat(page.locator("#live-status").textContent()).isEqualTo("live");
        }
    }

    @Test
    void thePlayerSaysTheCameraIsLostAndPlaysAgainWhenItReturns() {
        TestAccounts testAccounts = new TestAccounts(jdbc, accounts, "live");
        String group = testAccounts.group();
        String operator = testAccounts.userWith(PASSWORD, List.of(new Grant("CAMERA_VIEW", group),
                new Grant("LIVE_VIEW", group)));
        try (RtspServer flaky = RtspServer.withStreams(1).size(320, 180).fps(15)
                .keyframeInterval(Duration.ofSeconds(1)).start();
             BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            long id = createCamera(testAccounts, group, flaky.url(1), null);
            Page page = context.newPage();
            Browser.signIn(page, operator, PASSWORD);
            page.navigate("/cameras/" + id + "/live");
            page.waitForFunction(STATUS_IS, "live", PATIENTLY);

            flaky.stop();
            page.waitForFunction("() => ['offline', 'reconnecting'].includes("
                    + "document.getElementById('live-status').dataset.status)", null, PATIENTLY);
            flaky.restart();
            page.waitForFunction(STATUS_IS, "live", PATIENTLY);
            double resumedAt = ((Number) page.evaluate("document.getElementById('live-video').currentTime"))
                    .doubleValue();
            page.waitForFunction("(before) => document.getElementById('live-video').currentTime > before + 1",
                    resumedAt, PATIENTLY);
        }
    }

    @Test
    void aSubStreamHasOneConnectionForItsViewersThatClosesAfterTheLast() {
        TestAccounts testAccounts = new TestAccounts(jdbc, accounts, "live");
        String group = testAccounts.group();
        long id = createCamera(testAccounts, group, camera.url(1), camera.url(2));
        String token = testAccounts.tokenScopedTo(group, "CAMERA_VIEW", "LIVE_VIEW");
        String subStream = "live-" + id + "-sub";

        var first = LiveViewer.open(port, token, id, "sub", true);
        var second = LiveViewer.open(port, token, id, "sub", true);
        Await.until(Duration.ofSeconds(30), () -> first.binaryMessages() > 10 && second.binaryMessages() > 10);
        assertThat(supervisor.statuses()).extracting(SupervisionStatus::key).containsOnlyOnce(subStream);
        assertThat(ApiClient.json(new ApiClient(port, token).get("/api/v1/cameras/" + id + "/live"))
                .path("streams").toString()).isEqualTo("[\"main\",\"sub\"]");

        first.close();
        second.close();
        Await.until(Duration.ofSeconds(30), () -> supervisor.statuses().stream()
                .noneMatch(status -> status.key().equals(subStream)));
    }

    @Test
    void withoutTheLivePermissionTheSocketIsRefusedAndThePlayerSaysWhy() {
        TestAccounts testAccounts = new TestAccounts(jdbc, accounts, "live");
        String group = testAccounts.group();
        long id = createCamera(testAccounts, group);
        String viewer = testAccounts.userWith(PASSWORD, List.of(new Grant("CAMERA_VIEW", group),
                new Grant("LIVE_VIEW", testAccounts.group())));

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, viewer, PASSWORD);
            page.navigate("/account");
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl("/js/live-player.js"));

            Object opened = page.evaluate("""
                    (id) => new Promise(done => {
                        const socket = new WebSocket('ws://' + location.host + '/api/v1/cameras/' + id + '/live/stream');
                        socket.onopen = () => done('opened');
                        socket.onclose = () => done('refused');
                    })""", String.valueOf(id));
            assertThat(opened).isEqualTo("refused");

            @SuppressWarnings("unchecked")
            Map<String, Object> told = (Map<String, Object>) page.evaluate("""
                    (id) => new Promise(done => {
                        const video = document.createElement('video');
                        document.body.appendChild(video);
                        AtalayaLive.play(video, id, { onStatus: (status, detail) => {
                            if (status !== 'connecting') done({status, detail});
                        }});
                    })""", String.valueOf(id));
            assertThat(told).containsEntry("status", "forbidden");
            assertThat((String) told.get("detail")).contains("not its live video");
        }
    }

    private long createCamera(TestAccounts testAccounts, String group) {
        return createCamera(testAccounts, group, camera.url(1), null);
    }

    private long createCamera(TestAccounts testAccounts, String group, String mainUrl, String subUrl) {
        var admin = new ApiClient(port, testAccounts.tokenFor("admin"));
        HttpResponse<String> created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "%s", "subUrl": %s, "cameraGroup": "%s"}"""
                .formatted(TestAccounts.unique("Live"), mainUrl, subUrl == null ? "null" : "\"" + subUrl + "\"",
                        group));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }
}
