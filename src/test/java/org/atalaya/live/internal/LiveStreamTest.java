package org.atalaya.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.atalaya.identity.UserAccounts;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;
import org.atalaya.media.Mp4Track;
import org.atalaya.media.ProcessSupervisor;
import org.atalaya.media.SupervisionStatus;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Await;
import org.atalaya.test.LiveViewer;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The live WebSocket: who may open it, what a viewer receives, and that a stalled viewer holds up nobody else. */
@AtalayaTest
class LiveStreamTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final long TIMESCALE = 90_000;
    private static final int FRAGMENT_TICKS = 9_000;
    private static final int FRAGMENT_BYTES = 256 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    LiveHub hub;
    @Autowired
    ProcessSupervisor supervisor;

    /** A camera fed by the test itself, and a token of someone who may watch it live. */
    private record WatchedCamera(long id, String token, LiveHub.FeedKey feed, Object source) {
    }

    private WatchedCamera watchedCamera() {
        TestAccounts testAccounts = new TestAccounts(jdbc, accounts, "live");
        String group = testAccounts.group();
        long camera = createCamera(group);
        var watched = new WatchedCamera(camera, testAccounts.tokenScopedTo(group, "CAMERA_VIEW", "LIVE_VIEW"),
                new LiveHub.FeedKey(camera, LiveStreamKind.MAIN), new Object());
        hub.started(watched.feed(), watched.source(), init());
        return watched;
    }

    @Test
    void aUserWithoutTheLivePermissionGetsNoStream() {
        TestAccounts testAccounts = new TestAccounts(jdbc, accounts, "live");
        String group = testAccounts.group();
        long camera = createCamera(group);
        String seesOnly = testAccounts.tokenWith(List.of(new TestAccounts.Grant("CAMERA_VIEW", group),
                new TestAccounts.Grant("LIVE_VIEW", testAccounts.group())));
        String other = testAccounts.tokenScopedTo(testAccounts.group(), "CAMERA_VIEW", "LIVE_VIEW");

        assertThat(handshakeStatus(seesOnly, camera)).isEqualTo(403);
        assertThat(handshakeStatus(other, camera)).as("a camera of another group is not found").isEqualTo(404);
        HttpResponse<String> info = new ApiClient(port, seesOnly).get("/api/v1/cameras/" + camera + "/live");
        assertThat(info.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(info).path("detail").asString()).contains("not its live video");
        assertThat(auditCount("live.view", camera, "DENIED")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aViewerGetsTheStreamFromTheLastKeyframeAndTheViewIsAudited() throws Exception {
        WatchedCamera camera = watchedCamera();
        for (int i = 0; i < 25; i++) hub.fragment(camera.feed(), camera.source(), fragment(i, i % 10 == 0));

        var viewer = LiveViewer.open(port, camera.token(), camera.id());
        Await.until(GENEROUS, () -> viewer.binaryMessages() >= 6);
        hub.fragment(camera.feed(), camera.source(), fragment(25, false));
        Await.until(GENEROUS, () -> viewer.binaryMessages() >= 7);
        viewer.close();

        assertThat(viewer.texts()).anySatisfy(text -> assertThat(text).contains("\"type\":\"stream\"")
                .contains("avc1.42c01e"));
        assertThat(viewer.binaryHeads().getFirst()).as("the init segment comes first").isEqualTo(-1);
        assertThat(viewer.binaryHeads().subList(1, 7)).as("from the last keyframe (20) on")
                .containsExactly(20, 21, 22, 23, 24, 25);
        Await.until(GENEROUS, () -> auditCount(LiveAccess.VIEW_ENDED, camera.id(), "SUCCESS") == 1);
        assertThat(auditCount(LiveAccess.VIEW_STARTED, camera.id(), "SUCCESS")).isEqualTo(1);
    }

    @Test
    void aDisabledCameraIsNotConnectedToAndItsViewerIsToldWhy() {
        TestAccounts testAccounts = new TestAccounts(jdbc, accounts, "live");
        String group = testAccounts.group();
        long camera = createCamera(group);
        var admin = new ApiClient(port, testAccounts.tokenFor("admin"));
        assertThat(admin.post("/api/v1/cameras/" + camera + "/disable", "").statusCode()).isEqualTo(200);

        var viewer = LiveViewer.open(port, testAccounts.tokenScopedTo(group, "CAMERA_VIEW", "LIVE_VIEW"), camera);
        Await.until(GENEROUS, () -> !viewer.texts().isEmpty());
        viewer.abort();

        assertThat(viewer.texts().getFirst()).isEqualTo("{\"type\":\"status\",\"status\":\"idle\",\"problem\":\""
                + LiveStreamHandler.DISABLED + "\"}");
        assertThat(supervisor.statuses()).extracting(SupervisionStatus::key)
                .noneMatch(key -> key.startsWith("live-" + camera + "-"));
    }

    @Test
    void aStalledViewerDoesNotHoldUpAnotherOrTheCamera() throws Exception {
        WatchedCamera camera = watchedCamera();
        var stalled = LiveViewer.open(port, camera.token(), camera.id(), "main", false);
        var watching = LiveViewer.open(port, camera.token(), camera.id(), "main", true);
        Await.until(GENEROUS, () -> hub.viewerCount(camera.feed()) == 2);

        int fragments = 400;
        for (int i = 0; i < fragments; i++) {
            hub.fragment(camera.feed(), camera.source(), fragment(i, i % 10 == 0));
            // paced as a camera is: the watching viewer keeps up, and its backlog stays short
            int sent = i;
            if (i % 10 == 9) Await.until(GENEROUS, () -> watching.binaryMessages() >= sent - 5);
        }

        Await.until(GENEROUS, () -> watching.binaryMessages() == fragments + 1);
        assertThat(watching.binaryHeads().subList(1, fragments + 1)).as("every fragment, in order").isSorted()
                .doesNotHaveDuplicates();
        Await.until(GENEROUS, () -> hub.viewerCount(camera.feed()) == 1);
        assertThat(stalled.binaryHeads()).as("the stalled viewer was let go").isEmpty();
    }

    private int handshakeStatus(String token, long camera) {
        try {
            LiveViewer.open(port, token, camera).abort();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private long createCamera(String group) {
        var admin = new ApiClient(port, new TestAccounts(jdbc, accounts, "live").tokenFor("admin"));
        HttpResponse<String> created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://127.0.0.1:9/nothing", "cameraGroup": "%s"}"""
                .formatted(TestAccounts.unique("Live"), group));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    private int auditCount(String action, long camera, String outcome) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND target LIKE ? AND outcome = ?")
                .param(action).param("camera:" + camera + " %").param(outcome).query(Integer.class).single();
    }

    private static Mp4InitSegment init() {
        return new Mp4InitSegment(marked(-1, 64), List.of(new Mp4Track(1, "vide", "avc1.42c01e", TIMESCALE, 640,
                360)));
    }

    /** A fragment of 100 ms whose first four bytes carry its number, so a receiver can tell which it got. */
    private static Mp4Fragment fragment(int number, boolean keyframe) {
        return new Mp4Fragment(marked(number, FRAGMENT_BYTES), number, 1, keyframe, (long) number * FRAGMENT_TICKS,
                FRAGMENT_TICKS, TIMESCALE);
    }

    private static ByteBuffer marked(int number, int size) {
        ByteBuffer content = ByteBuffer.allocate(size);
        content.putInt(number).rewind();
        return content;
    }
}
