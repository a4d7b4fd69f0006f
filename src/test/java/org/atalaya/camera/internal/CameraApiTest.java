package org.atalaya.camera.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@AtalayaTest
class CameraApiTest {

    private static final String PASSWORD = "S3cret-camera-pässword";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    private TestAccounts fixtures;
    private ApiClient admin;
    private String group;

    @BeforeEach
    void setUp() {
        fixtures = new TestAccounts(jdbc, accounts, "camera");
        admin = new ApiClient(port, fixtures.tokenFor("admin"));
        group = fixtures.group();
    }

    private String body(String name, String extra) {
        return """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.10:554/stream1", "cameraGroup": "%s",
                 "username": "viewer", "password": "%s"%s}""".formatted(name, group, PASSWORD, extra);
    }

    private JsonNode create(String extra) {
        HttpResponse<String> response = admin.post("/api/v1/cameras", body(TestAccounts.unique("cam"), extra));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response);
    }

    @Test
    void createsReadsAndListsACameraWithoutEverShowingItsPassword() {
        JsonNode created = create(", \"latitude\": -24.18, \"longitude\": -65.3, \"headingDeg\": 90, \"fovDeg\": 60,"
                + " \"rangeM\": 80, \"retentionDays\": 14");
        long id = created.path("id").asLong();

        assertThat(created.path("passwordSet").asBoolean()).isTrue();
        assertThat(created.path("retentionDays").asInt()).isEqualTo(14);
        assertThat(created.path("recordingMode").asString()).isEqualTo("continuous");
        HttpResponse<String> one = admin.get("/api/v1/cameras/" + id);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(one).path("latitude").asDouble()).isEqualTo(-24.18);
        HttpResponse<String> list = admin.get("/api/v1/cameras");
        assertThat(list.body()).contains(created.path("name").asString());
        for (HttpResponse<String> response : List.of(one, list)) {
            assertThat(response.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("password\":\"");
        }
        String sealed = jdbc.sql("SELECT password_sealed FROM cameras WHERE id = ?").param(id)
                .query(String.class).single();
        assertThat(sealed).startsWith("v1:").doesNotContain(PASSWORD);
    }

    @Test
    void aNullPlaceOrViewFieldRemovesItAndAnAbsentOneKeepsIt() {
        long id = create(", \"latitude\": -24.18, \"longitude\": -65.3, \"headingDeg\": 90, \"rangeM\": 80")
                .path("id").asLong();

        JsonNode changed = ApiClient.json(admin.patch("/api/v1/cameras/" + id,
                "{\"latitude\": null, \"longitude\": null, \"rangeM\": 120}"));

        assertThat(changed.path("latitude").isNull() || changed.path("latitude").isMissingNode()).isTrue();
        assertThat(changed.path("longitude").isNull() || changed.path("longitude").isMissingNode()).isTrue();
        assertThat(changed.path("headingDeg").asDouble()).isEqualTo(90);
        assertThat(changed.path("rangeM").asDouble()).isEqualTo(120);
    }

    @Test
    void aCameraRecordsOnlyWithPurposeAndLegalBasisAndWhileEnabled() {
        JsonNode bare = create("");
        assertThat(bare.path("recordable").asBoolean()).isFalse();
        assertThat(bare.path("notRecordableReason").asString())
                .isEqualTo("purpose and legal basis are required before a camera records");
        long id = bare.path("id").asLong();

        JsonNode filled = ApiClient.json(admin.patch("/api/v1/cameras/" + id,
                "{\"purpose\": \"Traffic safety at the crossing\", \"legalBasis\": \"Municipal ordinance 12/2026\"}"));
        assertThat(filled.path("recordable").asBoolean()).isTrue();
        assertThat(filled.hasNonNull("notRecordableReason")).isFalse();
        assertThat(filled.path("passwordSet").asBoolean()).as("a change without password keeps it").isTrue();

        JsonNode disabled = ApiClient.json(admin.post("/api/v1/cameras/" + id + "/disable", ""));
        assertThat(disabled.path("enabled").asBoolean()).isFalse();
        assertThat(disabled.path("recordable").asBoolean()).isFalse();
        JsonNode enabled = ApiClient.json(admin.post("/api/v1/cameras/" + id + "/enable", ""));
        assertThat(enabled.path("recordable").asBoolean()).isTrue();
        JsonNode off = ApiClient.json(admin.patch("/api/v1/cameras/" + id, "{\"recordingMode\": \"off\"}"));
        assertThat(off.path("recordable").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "\"mainUrl\": \"http://192.0.2.10/stream\"        | mainUrl | rtsp:// or rtsps://",
            "\"mainUrl\": \"rtsp:///stream\"                   | mainUrl | needs a host",
            "\"mainUrl\": \"rtsp://192.0.2.10:0/stream\"       | mainUrl | port",
            "\"mainUrl\": \"rtsp://192.0.2.10:70000/stream\"   | mainUrl | port",
            "\"mainUrl\": \"rtsp://admin:pw@192.0.2.10/stream\" | mainUrl | username and password fields",
            "\"subUrl\": \"rtsp://admin@192.0.2.10/sub\"       | subUrl  | username and password fields",
            "\"latitude\": 91                                 | latitude | -90 to 90",
            "\"longitude\": -180.5                            | longitude | -180 to 180",
            "\"headingDeg\": 361                              | headingDeg | 0 to 360",
            "\"fovDeg\": 0                                    | fovDeg | 1 to 360",
            "\"rangeM\": 0                                    | rangeM | more than 0",
            "\"retentionDays\": 0                             | retentionDays | 1 to 3650",
            "\"retentionDays\": 3651                          | retentionDays | 1 to 3650",
            "\"recordingMode\": \"sometimes\"                 | recordingMode | continuous",
            "\"cameraGroup\": \"no-such-group-anywhere\"      | cameraGroup | no camera group",
            "\"name\": \"  \"                                 | name | needs a name"})
    void refusesInvalidFieldsWithAReason(String field, String named, String reason) {
        String key = field.substring(0, field.indexOf(':')).strip();
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("\"name\"", "\"" + TestAccounts.unique("invalid") + "\"");
        fields.put("\"mainUrl\"", "\"rtsp://192.0.2.10:554/stream1\"");
        fields.put("\"cameraGroup\"", "\"" + group + "\"");
        fields.put(key, field.substring(field.indexOf(':') + 1).strip());
        String json = fields.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));

        HttpResponse<String> response = admin.post("/api/v1/cameras", json);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).contains("application/problem+json"));
        assertThat(ApiClient.json(response).path("detail").asString()).startsWith(named + ":").contains(reason);
    }

    @Test
    void aSecondCameraWithTheSameNameIsRefused() {
        JsonNode first = create("");
        HttpResponse<String> again = admin.post("/api/v1/cameras", body(first.path("name").asString(), ""));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(again).path("detail").asString()).contains("already a camera");
    }

    @Test
    void aUserLimitedToOneGroupSeesAndManagesOnlyItsCameras() {
        long inGroup = create("").path("id").asLong();
        String otherGroup = fixtures.group();
        var scoped = new ApiClient(port, fixtures.tokenScopedTo(group, "CAMERA_VIEW", "CAMERA_MANAGE"));
        HttpResponse<String> elsewhere = admin.post("/api/v1/cameras",
                body(TestAccounts.unique("elsewhere"), "").replace(group, otherGroup));
        long outside = ApiClient.json(elsewhere).path("id").asLong();

        List<Long> seen = ApiClient.json(scoped.get("/api/v1/cameras")).valueStream()
                .map(camera -> camera.path("id").asLong()).toList();
        assertThat(seen).contains(inGroup).doesNotContain(outside);
        assertThat(scoped.get("/api/v1/cameras/" + outside).statusCode()).isEqualTo(404);
        assertThat(scoped.patch("/api/v1/cameras/" + outside, "{\"purpose\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(scoped.patch("/api/v1/cameras/" + inGroup, "{\"purpose\": \"Entrance\"}").statusCode())
                .isEqualTo(200);
        assertThat(scoped.patch("/api/v1/cameras/" + inGroup, "{\"cameraGroup\": \"" + otherGroup + "\"}")
                .statusCode()).as("moving a camera into a group not granted").isEqualTo(403);
        assertThat(scoped.post("/api/v1/cameras", body(TestAccounts.unique("new"), "").replace(group, otherGroup))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void viewersCannotChangeCameras() {
        long id = create("").path("id").asLong();
        var operator = new ApiClient(port, fixtures.tokenFor("operator"));
        assertThat(operator.get("/api/v1/cameras/" + id).statusCode()).isEqualTo(200);
        assertThat(operator.post("/api/v1/cameras/" + id + "/disable", "").statusCode()).isEqualTo(403);
    }

    @Test
    void everyChangeIsAuditedWithoutThePassword() {
        long id = create("").path("id").asLong();
        String newPassword = "Another-secret-9876";
        admin.patch("/api/v1/cameras/" + id, "{\"password\": \"" + newPassword + "\", \"retentionDays\": 7}");
        admin.post("/api/v1/cameras/" + id + "/disable", "");

        List<String> entries = jdbc.sql("""
                        SELECT action || ' ' || coalesce(target, '') || ' ' || details::text FROM audit_entry
                        WHERE target LIKE ? ORDER BY seq""")
                .param("camera:" + id + " %").query(String.class).list();
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0)).startsWith("camera.create").contains("\"password\": \"set\"");
        assertThat(entries.get(1)).startsWith("camera.update").contains("password").contains("retentionDays");
        assertThat(entries.get(2)).startsWith("camera.disable");
        assertThat(String.join("\n", entries)).doesNotContain(PASSWORD).doesNotContain(newPassword)
                .doesNotContain("v1:");
    }
}
