package org.atalaya.camera.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Whether a camera's video is analysed, through the camera API. */
@AtalayaTest
class CameraAnalyticsFlagTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    private ApiClient admin;
    private String group;

    @BeforeEach
    void setUp() {
        var fixtures = new TestAccounts(jdbc, accounts, "analytics-flag");
        admin = new ApiClient(port, fixtures.tokenFor("admin"));
        group = fixtures.group();
    }

    /** A camera nobody can reach, so that analysing it costs nothing here. */
    private HttpResponse<String> create(String extra) {
        return admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.10:554/stream1", "cameraGroup": "%s"%s}"""
                .formatted(TestAccounts.unique("flag"), group, extra));
    }

    @Test
    void aCameraIsNotAnalysedUntilSomeoneSaysSo() {
        HttpResponse<String> created = create("");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(ApiClient.json(created).path("analytics").isBoolean()).isTrue();
        assertThat(ApiClient.json(created).path("analytics").asBoolean()).isFalse();
    }

    @Test
    void analyticsRoundTripsAndEveryChangeIsAudited() {
        long id = ApiClient.json(create(", \"analytics\": false")).path("id").asLong();

        JsonNode on = ApiClient.json(admin.patch("/api/v1/cameras/" + id, "{\"analytics\": true}"));
        JsonNode read = ApiClient.json(admin.get("/api/v1/cameras/" + id));
        JsonNode kept = ApiClient.json(admin.patch("/api/v1/cameras/" + id, "{\"retentionDays\": 12}"));
        JsonNode off = ApiClient.json(admin.patch("/api/v1/cameras/" + id, "{\"analytics\": false}"));

        assertThat(on.path("analytics").asBoolean()).isTrue();
        assertThat(read.path("analytics").asBoolean()).isTrue();
        assertThat(kept.path("analytics").asBoolean()).as("a change that does not name it keeps it").isTrue();
        assertThat(off.path("analytics").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT analysed FROM cameras WHERE id = ?").param(id).query(Boolean.class).single())
                .isFalse();
        var changes = jdbc.sql("SELECT details->>'changed' FROM audit_entry WHERE action = 'camera.update' AND target"
                        + " LIKE ? ORDER BY seq").param("camera:" + id + " %").query(String.class).list();
        assertThat(changes).containsExactly("analytics", "retentionDays", "analytics");
    }

    @Test
    void aNewCameraCanBeAnalysedFromTheStart() {
        HttpResponse<String> created = create(", \"analytics\": true");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(ApiClient.json(created).path("analytics").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"maybe\"", "1", "null", "{}"})
    void aChangeToAnythingButTrueOrFalseIsRefused(String value) {
        long id = ApiClient.json(create("")).path("id").asLong();

        HttpResponse<String> response = admin.patch("/api/v1/cameras/" + id, "{\"analytics\": " + value + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).contains("application/problem+json"));
        assertThat(ApiClient.json(response).path("detail").asString()).isEqualTo("analytics: must be true or false.");
    }

    @Test
    void aNewCameraWithAnalyticsThatIsNotTrueOrFalseIsRefused() {
        HttpResponse<String> response = create(", \"analytics\": \"maybe\"");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ApiClient.json(response).path("detail").asString()).contains("\"true\" or \"false\"");
    }
}
