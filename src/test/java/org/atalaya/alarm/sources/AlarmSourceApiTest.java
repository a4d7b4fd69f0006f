package org.atalaya.alarm.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@AtalayaTest
class AlarmSourceApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    private SourceFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new SourceFixtures(jdbc, accounts, port);
    }

    @Test
    void aWebhookSourceShowsItsTokenOnceAndKeepsOnlyItsHash() {
        String name = SourceFixtures.name("Panic lobby");
        JsonNode created = fixtures.createSource("""
                {"name": "%s", "kind": "webhook"}""".formatted(name));
        long id = created.path("id").asLong();
        String token = created.path("token").asString();

        assertThat(created.path("alarmType").asString()).isEqualTo("panic");
        assertThat(created.path("enabled").asBoolean()).isTrue();
        assertThat(created.path("webhookPath").asString()).isEqualTo("/api/v1/alarm-sources/" + id + "/events");
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(fixtures.source(id).has("token")).isFalse();
        HttpResponse<String> listed = fixtures.asSupervisor("GET", "/api/v1/alarm-sources", null);
        assertThat(listed.body()).contains(name).doesNotContain(token);
        byte[] stored = jdbc.sql("SELECT webhook_token_sha256 FROM alarm_source WHERE id = ?").param(id)
                .query(byte[].class).single();
        assertThat(stored).hasSize(32);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);
    }

    @Test
    void refusedSettingsAreAnsweredWith400InWords() {
        long camera = fixtures.camera();
        String taken = SourceFixtures.name("taken");
        fixtures.createSource("{\"name\": \"%s\", \"kind\": \"webhook\"}".formatted(taken));
        String mqtt = "\"kind\": \"mqtt\", \"brokerUrl\": \"tcp://127.0.0.1:1883\", \"topicFilter\": \"a/b\"";
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("{\"kind\": \"webhook\"}", "name: give the source a name");
        refusals.put("{\"name\": \"x1\", \"kind\": \"carrier-pigeon\"}", "kind: must be webhook or mqtt");
        refusals.put("{\"name\": \"%s\", \"kind\": \"webhook\"}".formatted(taken.toUpperCase()),
                "there is already an alarm source called");
        refusals.put("{\"name\": \"x2\", \"kind\": \"webhook\", \"latitude\": 91, \"longitude\": 0}",
                "latitude: must be between -90 and 90");
        refusals.put("{\"name\": \"x3\", \"kind\": \"webhook\", \"latitude\": 0, \"longitude\": -181}",
                "longitude: must be between -180 and 180");
        refusals.put("{\"name\": \"x4\", \"kind\": \"webhook\", \"latitude\": -24.1}", "give both, or neither");
        refusals.put("{\"name\": \"x5\", \"kind\": \"webhook\", \"cameraIds\": [%d, 987654321]}".formatted(camera),
                "cameraIds: there is no camera 987654321");
        refusals.put("{\"name\": \"x6\", \"kind\": \"webhook\", \"alarmType\": \"earthquake\"}",
                "alarmType: there is no alarm type earthquake");
        refusals.put("{\"name\": \"x7\", \"kind\": \"webhook\", \"brokerUrl\": \"tcp://127.0.0.1:1883\"}",
                "belong to MQTT sources");
        refusals.put("{\"name\": \"x8\", \"kind\": \"mqtt\", \"topicFilter\": \"a\"}", "brokerUrl: an MQTT source");
        refusals.put("{\"name\": \"x9\", \"kind\": \"mqtt\", \"brokerUrl\": \"http://127.0.0.1\", "
                + "\"topicFilter\": \"a\"}", "must begin with tcp:// or ssl://");
        refusals.put("{\"name\": \"x10\", \"kind\": \"mqtt\", \"brokerUrl\": \"tcp://user:pw@127.0.0.1:1883\", "
                + "\"topicFilter\": \"a\"}", "in their own fields");
        refusals.put("{\"name\": \"x11\", \"kind\": \"mqtt\", \"brokerUrl\": \"tcp://127.0.0.1:1883\"}",
                "topicFilter: an MQTT source needs the topic");
        refusals.put("{\"name\": \"x12\", \"kind\": \"mqtt\", \"brokerUrl\": \"tcp://127.0.0.1:1883\", "
                + "\"topicFilter\": \"sites/#/door\"}", "is not a valid MQTT topic filter");
        refusals.put("{\"name\": \"x13\", \"kind\": \"mqtt\", \"brokerUrl\": \"tcp://127.0.0.1:1883\", "
                + "\"topicFilter\": \"sites/door+\"}", "is not a valid MQTT topic filter");
        refusals.put("{\"name\": \"x14\", " + mqtt + ", \"qos\": 3}", "qos: must be 0, 1 or 2");

        refusals.forEach((body, reason) -> {
            HttpResponse<String> refused = fixtures.asSupervisor("POST", "/api/v1/alarm-sources", body);
            assertThat(refused.statusCode()).as(body + " -> " + refused.body()).isEqualTo(400);
            assertThat(ApiClient.json(refused).path("detail").asString()).as(body).contains(reason);
        });
    }

    @Test
    void theKindOfASourceCannotChangeAndAnUnknownSourceIs404() {
        String name = SourceFixtures.name("kind");
        long id = fixtures.createSource("{\"name\": \"%s\", \"kind\": \"webhook\"}".formatted(name)).path("id")
                .asLong();

        HttpResponse<String> changed = fixtures.asSupervisor("PUT", "/api/v1/alarm-sources/" + id, """
                {"name": "%s", "kind": "mqtt", "brokerUrl": "tcp://127.0.0.1:1883", "topicFilter": "a"}"""
                .formatted(name));
        assertThat(changed.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(changed).path("detail").asString()).contains("stays a webhook source");
        assertThat(fixtures.asSupervisor("GET", "/api/v1/alarm-sources/987654321", null).statusCode())
                .isEqualTo(404);
        assertThat(fixtures.asSupervisor("POST", "/api/v1/alarm-sources/987654321/token", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyThoseWhoConfigureAlarmsManageSources() {
        String operator = fixtures.tokenFor("operator");
        String admin = fixtures.tokenFor("admin");
        String body = "{\"name\": \"%s\", \"kind\": \"webhook\"}".formatted(SourceFixtures.name("refused"));

        for (String token : new String[] {operator, admin}) {
            assertThat(fixtures.send("GET", "/api/v1/alarm-sources", null, token).statusCode()).isEqualTo(403);
            assertThat(fixtures.send("POST", "/api/v1/alarm-sources", body, token).statusCode()).isEqualTo(403);
        }
        assertThat(fixtures.send("GET", "/api/v1/alarm-sources", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyChangeIsAudited() {
        long camera = fixtures.camera();
        String name = SourceFixtures.name("audited");
        JsonNode created = fixtures.createSource("""
                {"name": "%s", "kind": "mqtt", "brokerUrl": "tcp://127.0.0.1:1", "topicFilter": "audited/#",
                 "password": "never-in-the-log", "alarmType": "panic"}""".formatted(name));
        long id = created.path("id").asLong();
        String supervisor = created.path("createdBy").asString();

        HttpResponse<String> changed = fixtures.asSupervisor("PUT", "/api/v1/alarm-sources/" + id, """
                {"name": "%s", "brokerUrl": "tcp://127.0.0.1:2", "topicFilter": "audited/+", "qos": 2,
                 "cameraIds": [%d], "latitude": -24.18, "longitude": -65.29, "enabled": false}"""
                .formatted(name, camera));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode after = ApiClient.json(changed);
        assertThat(after.path("qos").asInt()).isEqualTo(2);
        assertThat(after.path("enabled").asBoolean()).isFalse();
        assertThat(after.path("hasPassword").asBoolean()).as("an omitted password is kept").isTrue();
        assertThat(after.path("cameraIds").get(0).asLong()).isEqualTo(camera);
        assertThat(after.path("alarmType").asString()).as("an omitted type is the kind's").isEqualTo("sensor");
        assertThat(fixtures.asSupervisor("DELETE", "/api/v1/alarm-sources/" + id, null).statusCode())
                .isEqualTo(204);

        assertThat(fixtures.auditOf(id)).containsExactly("alarm.source.created by " + supervisor,
                "alarm.source.changed by " + supervisor, "alarm.source.deleted by " + supervisor);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE details::text LIKE '%never-in-the-log%'")
                .query(Long.class).single()).isZero();
        assertThat(fixtures.asSupervisor("GET", "/api/v1/alarm-sources/" + id, null).statusCode()).isEqualTo(404);
    }
}
