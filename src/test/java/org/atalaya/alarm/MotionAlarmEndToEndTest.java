package org.atalaya.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.Await;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Ffmpeg;
import org.atalaya.test.RtspServer;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole way from a camera to the operator: a real RTSP camera shows a still street that an object crosses once;
 * the camera's ffmpeg decodes gray frames beside its copy, the motion detector sees the crossing, the queue opens
 * exactly one alarm, and the pre-event buffer gives it a clip that starts before the motion and plays.
 */
@AtalayaTest
class MotionAlarmEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Seconds into the stream at which the object starts crossing, and how long it takes. */
    private static final int CROSSING_AT = 14;
    private static final int CROSSING_SECONDS = 4;
    private static RtspServer server;

    @TempDir
    static Path folder;
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    @BeforeAll
    static void startCamera() {
        server = RtspServer.withStreams(1).source(streetWithOneCrossing(folder.resolve("street.mp4"))).start();
    }

    @AfterAll
    static void stopCamera() {
        server.close();
    }

    /** 60 s of a still street (640x360, 10 fps, a keyframe a second) that a light box crosses once. */
    private static Path streetWithOneCrossing(Path file) {
        String street = "color=c=0x2a3440:size=640x360:rate=10,drawbox=x=0:y=150:w=640:h=70:color=0x1e252d:t=fill,"
                + "drawgrid=w=80:h=60:t=1:c=0x3c4856,drawbox=x=420:y=230:w=150:h=100:color=0x5f6e48:t=fill";
        String crossing = street + "[street];color=c=0xd8d0b0:size=90x50:rate=10[object];[street][object]overlay="
                + "x='(t-" + CROSSING_AT + ")*160':y=160:enable='between(t," + CROSSING_AT + ","
                + (CROSSING_AT + CROSSING_SECONDS) + ")'";
        var made = Ffmpeg.run(Duration.ofSeconds(120), List.of("-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", crossing, "-t", "60", "-c:v", "libopenh264", "-b:v", "500k", "-g", "10",
                "-pix_fmt", "yuv420p", file.toString()));
        assertThat(made.succeeded()).as(made.errors()).isTrue();
        return file;
    }

    @Test
    void anObjectCrossingTheStreetRaisesExactlyOneMotionAlarmWithAClipFromBeforeIt() throws Exception {
        var fixtures = new TestAccounts(jdbc, accounts, "motion-e2e");
        String group = fixtures.group();
        var admin = new ApiClient(port, fixtures.tokenFor("admin"));
        var created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "%s", "cameraGroup": "%s", "analytics": true}"""
                .formatted(TestAccounts.unique("street"), server.url(1), group));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long camera = ApiClient.json(created).path("id").asLong();
        String operatorToken = fixtures.tokenScopedTo(group, "ALARM_VIEW", "PLAYBACK_VIEW");
        var operator = new ApiClient(port, operatorToken);

        Await.until(PATIENCE, () -> !alarmsOf(operator, camera).isEmpty());
        Await.until(PATIENCE, () -> clipOf(alarmsOf(operator, camera).getFirst()).path("state").asString()
                .equals("ready"));

        List<JsonNode> alarms = alarmsOf(operator, camera);
        assertThat(alarms).hasSize(1);
        JsonNode alarm = alarms.getFirst();
        assertThat(alarm.path("type").asString()).isEqualTo("motion");
        assertThat(alarm.path("count").asInt()).isEqualTo(1);
        JsonNode clip = clipOf(alarm);
        assertThat(Instant.parse(clip.path("from").asString()))
                .isBefore(Instant.parse(alarm.path("firstAt").asString()));

        HttpResponse<byte[]> video = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + clip.path("url").asString()))
                .header("Authorization", "Bearer " + operatorToken).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(video.statusCode()).isEqualTo(200);
        Path saved = Files.write(folder.resolve("alarm-clip.mp4"), video.body());
        var probe = Ffmpeg.probe(Duration.ofSeconds(30), List.of("-v", "error", "-show_entries", "format=duration",
                "-of", "csv=p=0", saved.toString()));
        assertThat(probe.succeeded()).as(probe.errors()).isTrue();
        // 4 s before and 4 s after (test profile), give or take a keyframe interval at each end
        assertThat(Double.parseDouble(probe.output().trim())).isBetween(6.0, 11.0);
    }

    /** The open alarms that show the camera. */
    private static List<JsonNode> alarmsOf(ApiClient operator, long camera) {
        var response = operator.get("/api/v1/alarms?state=open&limit=500");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(ApiClient.json(response).path("alarms").spliterator(), false)
                .filter(alarm -> StreamSupport.stream(alarm.path("cameras").spliterator(), false)
                        .anyMatch(shown -> shown.path("id").asLong() == camera))
                .toList();
    }

    private static JsonNode clipOf(JsonNode alarm) {
        return alarm.path("clips").path(0);
    }
}
