package org.atalaya.clip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.atalaya.camera.CameraCatalog;
import org.atalaya.clip.EventClip;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.MovableClock;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtalayaTest
class ClipRetentionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ClipStore store;
    @Autowired
    CameraCatalog cameras;
    @TempDir
    Path storage;

    @Test
    void deletesClipsOlderThanTheirCamerasRetentionAndEveryClipOfACameraNoLongerInTheCatalog() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long camera = camera(7);
        // cameras are disabled rather than deleted: one gone from the catalog is one whose row was removed by hand
        long deletedCamera = 1_900_000_000L + now.getEpochSecond() % 1_000_000;
        EventClip old = readyClip(camera, now.minus(Duration.ofDays(7)).minusSeconds(60));
        EventClip recent = readyClip(camera, now.minus(Duration.ofDays(6)));
        EventClip oldUnavailable = store.insertPending(camera, event(), now.minus(Duration.ofDays(8)),
                now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(8)));
        store.markUnavailable(oldUnavailable.id(), "camera " + camera + " is not connected");
        EventClip ofDeletedCamera = readyClip(deletedCamera, now.minusSeconds(3600));
        assertThat(cameras.find(deletedCamera)).isEmpty();

        ClipRetention.Sweep sweep = retention(now).sweep();

        assertThat(sweep.deleted()).isGreaterThanOrEqualTo(3);
        assertThat(store.find(old.id())).isEmpty();
        assertThat(store.find(oldUnavailable.id())).isEmpty();
        assertThat(store.find(ofDeletedCamera.id())).isEmpty();
        assertThat(storage.resolve(old.id() + ".mp4")).doesNotExist();
        assertThat(storage.resolve(ofDeletedCamera.id() + ".mp4")).doesNotExist();
        assertThat(store.find(recent.id())).isPresent();
        assertThat(storage.resolve(recent.id() + ".mp4")).exists();
    }

    @Test
    void clipsLeftPendingByAStoppedServerBecomeUnavailable() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long camera = camera(30);
        EventClip abandoned = store.insertPending(camera, event(), now.minusSeconds(600), now.minusSeconds(610),
                now.minusSeconds(580));
        EventClip collecting = store.insertPending(camera, event(), now.minusSeconds(5), now.minusSeconds(15),
                now.plusSeconds(15));

        retention(now).sweep();

        EventClip found = store.find(abandoned.id()).orElseThrow().clip();
        assertThat(found.state()).isEqualTo(EventClip.State.UNAVAILABLE);
        assertThat(found.problem()).isEqualTo("the server stopped before the clip was complete");
        assertThat(store.find(collecting.id()).orElseThrow().clip().state()).isEqualTo(EventClip.State.PENDING);
    }

    private ClipRetention retention(Instant now) {
        return new ClipRetention(store, cameras, CameraFeed.properties(10, 20, null, Duration.ofSeconds(30)),
                new MovableClock(now));
    }

    private EventClip readyClip(long camera, Instant requestedAt) throws Exception {
        EventClip clip = store.insertPending(camera, event(), requestedAt, requestedAt.minusSeconds(10),
                requestedAt.plusSeconds(20));
        Path file = Files.writeString(storage.resolve(clip.id() + ".mp4"), "video of clip " + clip.id());
        store.markReady(clip.id(), clip.from(), clip.to(), file, Files.size(file), new byte[32]);
        return clip;
    }

    private long camera(int retentionDays) {
        TestAccounts fixtures = new TestAccounts(jdbc, accounts, "clip");
        HttpResponse<String> created = admin().post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.10:554/stream1", "cameraGroup": "%s",
                 "retentionDays": %d}""".formatted(TestAccounts.unique("Retained"), fixtures.group(), retentionDays));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ApiClient.json(created).path("id").asLong();
        assertThat(cameras.find(id).orElseThrow().retentionDays()).isEqualTo(retentionDays);
        return id;
    }

    private ApiClient admin() {
        return new ApiClient(port, new TestAccounts(jdbc, accounts, "clip").tokenFor("admin"));
    }

    private static String event() {
        return TestAccounts.unique("alarm");
    }
}
