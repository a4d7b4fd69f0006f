package org.atalaya.clip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.atalaya.clip.EventClip;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.TestAccounts;
import org.atalaya.test.TestAccounts.Grant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@AtalayaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClipApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ClipStore store;
    @TempDir
    Path storage;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private TestAccounts fixtures;
    private String group;
    private long cameraId;
    private String cameraName;
    private String viewer;

    @BeforeAll
    void camerasAndUsers() {
        fixtures = new TestAccounts(jdbc, accounts, "clip");
        group = fixtures.group();
        cameraName = TestAccounts.unique("Terminal");
        cameraId = camera(cameraName, group);
        viewer = fixtures.tokenScopedTo(group, "CAMERA_VIEW", "PLAYBACK_VIEW");
    }

    @Test
    void listsTheEventsClipsOfTheCamerasTheUserMayWatch() throws Exception {
        String event = event();
        EventClip ready = readyClip(cameraId, event);
        EventClip unavailable = store.insertPending(cameraId, event, at, at.minusSeconds(10), at.plusSeconds(20));
        store.markUnavailable(unavailable.id(), "camera " + cameraId + " is not connected");
        String otherGroup = fixtures.group();
        readyClip(camera(TestAccounts.unique("Elsewhere"), otherGroup), event);

        HttpResponse<String> response = new ApiClient(port, viewer).get("/api/v1/clips?event=" + event);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode clips = ApiClient.json(response);
        assertThat(clips).hasSize(2);
        JsonNode first = clips.get(0);
        assertThat(first.path("id").asLong()).isEqualTo(ready.id());
        assertThat(first.path("cameraId").asLong()).isEqualTo(cameraId);
        assertThat(first.path("cameraName").asString()).isEqualTo(cameraName);
        assertThat(first.path("eventRef").asString()).isEqualTo(event);
        assertThat(Instant.parse(first.path("from").asString())).isEqualTo(at.minusSeconds(10));
        assertThat(Instant.parse(first.path("to").asString())).isEqualTo(at.plusSeconds(20));
        assertThat(first.path("state").asString()).isEqualTo("READY");
        assertThat(first.path("url").asString()).isEqualTo("/api/v1/clips/" + ready.id() + ".mp4");
        JsonNode second = clips.get(1);
        assertThat(second.path("state").asString()).isEqualTo("UNAVAILABLE");
        assertThat(second.path("problem").asString()).isEqualTo("camera " + cameraId + " is not connected");
        assertThat(second.path("url").isNull() || second.path("url").isMissingNode()).isTrue();

        assertThat(new ApiClient(port, viewer).get("/api/v1/clips").statusCode()).isEqualTo(400);
    }

    @Test
    void theClipsFileIsServedAndItsViewAuditedWithTheEventAsReason() throws Exception {
        String event = event();
        EventClip clip = readyClip(cameraId, event);
        Path file = store.find(clip.id()).orElseThrow().file();

        HttpResponse<byte[]> response = fetch(viewer, "/api/v1/clips/" + clip.id() + ".mp4", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(Files.size(file));
        assertThat(response.body()).isEqualTo(Files.readAllBytes(file));
        Map<String, Object> entry = jdbc.sql("""
                        SELECT action, outcome, target, details ->> 'clip' AS clip FROM audit_entry
                        WHERE reason = ?""")
                .param("event " + event).query().singleRow();
        assertThat(entry).containsEntry("action", "clip.viewed").containsEntry("outcome", "SUCCESS")
                .containsEntry("target", "camera:" + cameraId + " " + cameraName)
                .containsEntry("clip", Long.toString(clip.id()));
    }

    @Test
    void aPartOfTheFileIsServedForARangeRequest() throws Exception {
        EventClip clip = readyClip(cameraId, event());
        byte[] whole = Files.readAllBytes(store.find(clip.id()).orElseThrow().file());

        HttpResponse<byte[]> response = fetch(viewer, "/api/v1/clips/" + clip.id() + ".mp4",
                Map.of("Range", "bytes=100-199"));

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + whole.length);
        assertThat(response.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 100, 200));
    }

    @Test
    void aClipStillBeingRecordedIsAConflictThatSaysWhenItIsReady() throws IOException {
        EventClip pending = store.insertPending(cameraId, event(), at, at.minusSeconds(10), at.plusSeconds(20));

        HttpResponse<byte[]> english = fetch(viewer, "/api/v1/clips/" + pending.id() + ".mp4", Map.of());
        HttpResponse<byte[]> spanish = fetch(viewer, "/api/v1/clips/" + pending.id() + ".mp4",
                Map.of("Accept-Language", "es"));

        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(new String(english.body())).contains("The clip is still being recorded (ready at "
                + at.plusSeconds(20) + ")");
        assertThat(spanish.statusCode()).isEqualTo(409);
        assertThat(new String(spanish.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("El clip todavía se está grabando");
    }

    @Test
    void anUnavailableClipIsNotFoundWithItsProblem() throws IOException {
        EventClip clip = store.insertPending(cameraId, event(), at, at.minusSeconds(10), at.plusSeconds(20));
        store.markUnavailable(clip.id(), "camera " + cameraId + " is not connected (neither recorded nor analysed)");

        HttpResponse<byte[]> response = fetch(viewer, "/api/v1/clips/" + clip.id() + ".mp4", Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body())).contains("The clip could not be made: camera " + cameraId
                + " is not connected (neither recorded nor analysed).");
    }

    @Test
    void aClipOfACameraTheUserCannotSeeIsNotFoundAndOneTheyMayOnlySeeIsForbiddenAndAudited() throws Exception {
        String event = event();
        EventClip clip = readyClip(cameraId, event);
        String otherGroup = fixtures.group();
        String stranger = fixtures.tokenScopedTo(otherGroup, "CAMERA_VIEW", "PLAYBACK_VIEW");
        String onlySees = fixtures.tokenWith(List.of(new Grant("CAMERA_VIEW", group),
                new Grant("PLAYBACK_VIEW", otherGroup)));
        String path = "/api/v1/clips/" + clip.id() + ".mp4";

        assertThat(fetch(stranger, path, Map.of()).statusCode()).isEqualTo(404);
        assertThat(fetch(onlySees, path, Map.of()).statusCode()).isEqualTo(403);
        assertThat(fetch(stranger, "/api/v1/clips/999999999.mp4", Map.of()).statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(new ApiClient(port, stranger).get("/api/v1/clips?event=" + event))).isEmpty();
        assertThat(jdbc.sql("""
                        SELECT outcome FROM audit_entry WHERE action = 'clip.viewed' AND details ->> 'clip' = ?""")
                .param(Long.toString(clip.id())).query(String.class).list()).containsExactly("DENIED");
    }

    private EventClip readyClip(long camera, String event) throws Exception {
        EventClip clip = store.insertPending(camera, event, at, at.minusSeconds(10), at.plusSeconds(20));
        byte[] bytes = new byte[4096];
        new java.util.Random(clip.id()).nextBytes(bytes);
        Path file = Files.write(storage.resolve(clip.id() + ".mp4"), bytes);
        store.markReady(clip.id(), at.minusSeconds(10), at.plusSeconds(20), file, bytes.length,
                MessageDigest.getInstance("SHA-256").digest(bytes));
        return clip;
    }

    private long camera(String name, String cameraGroup) {
        HttpResponse<String> created = new ApiClient(port, fixtures.tokenFor("admin")).post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.10:554/stream1", "cameraGroup": "%s"}"""
                .formatted(name, cameraGroup));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    private HttpResponse<byte[]> fetch(String token, String path, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String event() {
        return TestAccounts.unique("alarm");
    }
}
