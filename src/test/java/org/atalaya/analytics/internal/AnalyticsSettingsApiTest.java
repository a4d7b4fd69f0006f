package org.atalaya.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.atalaya.camera.GrayFrame;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@AtalayaTest
class AnalyticsSettingsApiTest {

    private static final String SETTINGS = """
            {"motionEnabled": true, "minDurationSeconds": 2.5, "tamperEnabled": false,
             "zones": [
               {"name": "Gate", "kind": "detect", "sensitivity": 70, "minAreaPercent": 3,
                "polygon": [[0.1, 0.2], [0.6, 0.2], [0.6, 0.9], [0.1, 0.9]]},
               {"name": "Flag", "kind": "exclude", "sensitivity": 50, "minAreaPercent": 1,
                "polygon": [[0.7, 0.1], [0.9, 0.1], [0.8, 0.3]]}],
             "schedule": [{"days": ["MONDAY", "TUESDAY"], "from": "22:00", "to": "06:00"}]}""";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    LatestFrames frames;
    @LocalServerPort
    int port;

    AnalyticsSettingsFixtures fixtures;
    String group;
    long camera;

    @BeforeEach
    void camera() {
        fixtures = new AnalyticsSettingsFixtures(jdbc, accounts, port);
        group = fixtures.group();
        camera = fixtures.camera(group);
    }

    @Test
    void aCameraNobodyConfiguredAnswersTheDefaults() {
        HttpResponse<String> answer = fixtures.withRoles("operator").get(path());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode settings = ApiClient.json(answer);
        assertThat(settings.path("cameraId").asLong()).isEqualTo(camera);
        assertThat(settings.path("analysed").asBoolean(true)).isFalse();
        assertThat(settings.path("motionEnabled").asBoolean()).isTrue();
        assertThat(settings.path("tamperEnabled").asBoolean()).isTrue();
        assertThat(settings.path("minDurationSeconds").asDouble()).isEqualTo(1.0);
        assertThat(settings.path("zones").isEmpty()).isTrue();
        assertThat(settings.path("schedule").isEmpty()).isTrue();
    }

    @Test
    void aSupervisorSavesSettingsThatEveryoneWhoSeesTheCameraReadsBack() {
        var supervisor = fixtures.withRoles("supervisor");

        HttpResponse<String> saved = supervisor.put(path(), SETTINGS);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode settings = ApiClient.json(fixtures.scoped(group, "CAMERA_VIEW").get(path()));
        assertThat(settings.path("minDurationSeconds").asDouble()).isEqualTo(2.5);
        assertThat(settings.path("tamperEnabled").asBoolean()).isFalse();
        assertThat(settings.path("zones")).hasSize(2);
        JsonNode gate = settings.path("zones").get(0);
        assertThat(gate.path("name").asString()).isEqualTo("Gate");
        assertThat(gate.path("kind").asString()).isEqualTo("detect");
        assertThat(gate.path("sensitivity").asInt()).isEqualTo(70);
        assertThat(gate.path("minAreaPercent").asDouble()).isEqualTo(3.0);
        assertThat(gate.path("polygon").get(2).get(0).asDouble()).isEqualTo(0.6);
        assertThat(gate.path("polygon").get(2).get(1).asDouble()).isEqualTo(0.9);
        assertThat(settings.path("zones").get(1).path("kind").asString()).isEqualTo("exclude");
        JsonNode window = settings.path("schedule").get(0);
        assertThat(window.path("days").toString()).isEqualTo("[\"MONDAY\",\"TUESDAY\"]");
        assertThat(window.path("from").asString()).isEqualTo("22:00");
        assertThat(window.path("to").asString()).isEqualTo("06:00");
        assertThat(jdbc.sql("""
                        SELECT details ->> 'zones' FROM audit_entry
                        WHERE action = 'analytics.settings.changed' AND outcome = 'SUCCESS' AND actor = ?
                          AND target LIKE ?""")
                .param(supervisor.username()).param("camera:" + camera + " %").query(String.class).list())
                .containsExactly("1 detect, 1 exclude");
    }

    @Test
    void settingsThatBreakARuleAreRefusedInWords() {
        var supervisor = fixtures.withRoles("supervisor");

        HttpResponse<String> tooSensitive = supervisor.put(path(), SETTINGS.replace("\"sensitivity\": 70",
                "\"sensitivity\": 101"));
        HttpResponse<String> unknownKind = supervisor.put(path(), SETTINGS.replace("\"exclude\"", "\"ignore\""));
        HttpResponse<String> noTime = supervisor.put(path(), SETTINGS.replace("\"22:00\"", "\"late\""));
        HttpResponse<String> inSpanish = supervisor.putIn("es", path(), SETTINGS.replace("\"Flag\"", "\"gate\""));

        assertThat(tooSensitive.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(tooSensitive).path("detail").asString())
                .isEqualTo("Zone “Gate”: the sensitivity must be from 1 to 100.");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknownKind).path("detail").asString())
                .isEqualTo("Zone “Flag” must be of kind “detect” or “exclude”.");
        assertThat(noTime.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(noTime).path("detail").asString()).isEqualTo("“late” is not a time of day such as 08:00.");
        assertThat(inSpanish.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(inSpanish).path("detail").asString())
                .isEqualTo("Hay dos zonas llamadas “gate”: dé a cada zona su propio nombre.");
        assertThat(ApiClient.json(fixtures.withRoles("supervisor").get(path())).path("zones").isEmpty()).isTrue();
    }

    @Test
    void onlyThoseWhoConfigureAlarmsChangeSettings() {
        HttpResponse<String> operator = fixtures.withRoles("operator").put(path(), SETTINGS);

        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(fixtures.withRoles("operator").get(path())).path("zones").isEmpty()).isTrue();
    }

    @Test
    void aCameraOutsideTheUsersGroupsIsNotFound() {
        String otherGroup = fixtures.group();
        var elsewhere = fixtures.scoped(otherGroup, "CAMERA_VIEW", "ALARM_VIEW", "ALARM_CONFIGURE", "LIVE_VIEW");

        assertThat(elsewhere.get(path()).statusCode()).isEqualTo(404);
        assertThat(elsewhere.put(path(), SETTINGS).statusCode()).isEqualTo(404);
        assertThat(elsewhere.getBytes(path() + "/snapshot.png").statusCode()).isEqualTo(404);
        assertThat(fixtures.withRoles("supervisor").get("/api/v1/cameras/987654321/analytics").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theSnapshotIsTheLatestFrameAsAGrayPngAndItsViewingIsAudited() throws IOException {
        long camera = fixtures.analysedCamera(group);
        byte[] pixels = new byte[8 * 4];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i * 8);
        frames.put(camera, new GrayFrame(8, 4, pixels, Instant.parse("2026-03-01T12:00:00Z")));
        var watcher = fixtures.scoped(group, "CAMERA_VIEW", "LIVE_VIEW");

        HttpResponse<byte[]> answer = watcher.getBytes(path(camera) + "/snapshot.png");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.body()));
        assertThat(image.getWidth()).isEqualTo(8);
        assertThat(image.getHeight()).isEqualTo(4);
        assertThat(image.getRaster().getSample(3, 2, 0)).isEqualTo((2 * 8 + 3) * 8);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE action = 'analytics.snapshot.viewed'
                          AND outcome = 'SUCCESS' AND actor = ? AND target LIKE ?""")
                .param(watcher.username()).param("camera:" + camera + " %").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theSnapshotIsForThoseWhoMayWatchTheCameraLive() {
        long camera = fixtures.analysedCamera(group);
        frames.put(camera, new GrayFrame(2, 2, new byte[4], Instant.now()));
        String otherGroup = fixtures.group();
        var liveElsewhere = fixtures.scoped(otherGroup, "CAMERA_VIEW", "LIVE_VIEW");
        var seesButWatchesElsewhere = fixtures.withGrants(new TestAccounts.Grant("CAMERA_VIEW", group),
                new TestAccounts.Grant("LIVE_VIEW", otherGroup));

        HttpResponse<String> hidden = liveElsewhere.get(path(camera) + "/snapshot.png");
        HttpResponse<String> refused = seesButWatchesElsewhere.get(path(camera) + "/snapshot.png");

        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(refused).path("detail").asString())
                .isEqualTo("You may see this camera but not its live picture.");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE action = 'analytics.snapshot.viewed'
                          AND outcome = 'DENIED' AND actor = ? AND target LIKE ?""")
                .param(seesButWatchesElsewhere.username()).param("camera:" + camera + " %").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void withoutAPictureTheSnapshotIsNotFoundAndSaysWhy() {
        long camera = fixtures.analysedCamera(group);
        frames.forget(camera);

        HttpResponse<String> answer = fixtures.scoped(group, "CAMERA_VIEW", "LIVE_VIEW").get(path(camera) + "/snapshot.png");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(answer).path("detail").asString())
                .isEqualTo("No picture yet: the camera is not analysed or not connected.");
    }

    private String path() {
        return path(camera);
    }

    private static String path(long camera) {
        return "/api/v1/cameras/" + camera + "/analytics";
    }
}
