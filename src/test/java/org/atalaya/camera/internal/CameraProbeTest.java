package org.atalaya.camera.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.RtspServer;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@AtalayaTest
class CameraProbeTest {

    private static final String USER = "viewer";
    private static final String PASSWORD = "pr0be 'secret'@:/";

    private static RtspServer cameras;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    private ApiClient admin;
    private String group;

    @BeforeAll
    static void startCameras() {
        cameras = RtspServer.withStreams(1).size(320, 240).fps(10).credentials(USER, PASSWORD).start();
    }

    @AfterAll
    static void stopCameras() {
        cameras.close();
    }

    @BeforeEach
    void setUp() {
        var fixtures = new TestAccounts(jdbc, accounts, "camera");
        admin = new ApiClient(port, fixtures.tokenFor("admin"));
        group = fixtures.group();
    }

    private long camera(String url, String password) {
        HttpResponse<String> created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "%s", "cameraGroup": "%s", "username": "%s", "password": "%s"}"""
                .formatted(TestAccounts.unique("probe"), url, group, USER, password.replace("\"", "\\\"")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    @Test
    void reportsCodecSizeAndFrameRateOfAReachableCamera() {
        long id = camera(cameras.url(1), PASSWORD);

        HttpResponse<String> response = admin.post("/api/v1/cameras/" + id + "/probe", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = ApiClient.json(response);
        assertThat(result.path("ok").asBoolean()).as(response.body()).isTrue();
        assertThat(result.path("codec").asString()).isEqualTo("h264");
        assertThat(result.path("width").asInt()).isEqualTo(320);
        assertThat(result.path("height").asInt()).isEqualTo(240);
        assertThat(response.body()).doesNotContain("pr0be");
        assertThat(auditOf(id)).anySatisfy(entry -> assertThat(entry).startsWith("camera.probe SUCCESS"));
    }

    @Test
    void saysSoWhenTheCameraRefusesTheCredentials() {
        long id = camera(cameras.url(1), "not-the-password");

        JsonNode result = ApiClient.json(admin.post("/api/v1/cameras/" + id + "/probe", ""));

        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("problem").asString()).isEqualTo("WRONG_CREDENTIALS");
        assertThat(result.path("message").asString()).contains("wrong credentials");
        List<String> audit = auditOf(id);
        assertThat(audit).anySatisfy(entry -> assertThat(entry).startsWith("camera.probe FAILURE")
                .contains("WRONG_CREDENTIALS"));
        assertThat(String.join("\n", audit)).doesNotContain("not-the-password");
    }

    @Test
    void saysSoWhenNothingListensAtTheAddress() {
        long id = camera("rtsp://127.0.0.1:1/cam1", PASSWORD);

        JsonNode result = ApiClient.json(admin.post("/api/v1/cameras/" + id + "/probe", ""));

        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("problem").asString()).isEqualTo("UNREACHABLE");
    }

    private List<String> auditOf(long id) {
        return jdbc.sql("SELECT action || ' ' || outcome || ' ' || details::text FROM audit_entry WHERE target LIKE ?"
                        + " ORDER BY seq").param("camera:" + id + " %").query(String.class).list();
    }
}
