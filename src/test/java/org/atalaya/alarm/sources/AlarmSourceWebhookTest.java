package org.atalaya.alarm.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
class AlarmSourceWebhookTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    private SourceFixtures fixtures;
    private long camera;
    private long sourceId;
    private String token;
    private String name;

    @BeforeEach
    void webhookSource() {
        fixtures = new SourceFixtures(jdbc, accounts, port);
        camera = fixtures.camera();
        name = SourceFixtures.name("gate");
        JsonNode created = fixtures.createSource("""
                {"name": "%s", "kind": "webhook", "latitude": -24.1858, "longitude": -65.2995,
                 "cameraIds": [%d]}""".formatted(name, camera));
        sourceId = created.path("id").asLong();
        token = created.path("token").asString();
    }

    @Test
    void aGoodEventRaisesAPanicAlarmWithTheSourcesCamerasAndPlace() {
        HttpResponse<String> answer = fixtures.postEvent(sourceId, token, """
                {"event": "panic", "message": "Panic button pressed at gate 2"}""");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        long alarmId = ApiClient.json(answer).path("alarmId").asLong();
        Map<String, Object> alarm = fixtures.openAlarm("source:" + sourceId + ":panic").orElseThrow();
        assertThat(((Number) alarm.get("id")).longValue()).isEqualTo(alarmId);
        assertThat(alarm).containsEntry("type", "panic").containsEntry("source", "Webhook " + name)
                .containsEntry("detail", "Panic button pressed at gate 2")
                .containsEntry("cameras", "{" + camera + "}").containsEntry("latitude", -24.1858)
                .containsEntry("longitude", -65.2995);
        JsonNode source = fixtures.source(sourceId);
        assertThat(source.path("lastEventState").asString()).isEqualTo("active");
        assertThat(source.path("lastEventAt").isMissingNode()).isFalse();
    }

    @Test
    void theSameEventAgainFoldsIntoTheOpenAlarmAndADedupKeyKeepsAlarmsApart() {
        long first = ApiClient.json(fixtures.postEvent(sourceId, token, "{\"event\": \"door\"}")).path("alarmId")
                .asLong();
        long again = ApiClient.json(fixtures.postEvent(sourceId, token, "{\"event\": \"door\"}")).path("alarmId")
                .asLong();
        long other = ApiClient.json(fixtures.postEvent(sourceId, token,
                "{\"event\": \"door\", \"dedupKey\": \"door-7\"}")).path("alarmId").asLong();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(fixtures.openAlarm("source:" + sourceId + ":door").orElseThrow().get("count")).isEqualTo(2);
        assertThat(fixtures.openAlarm("source:" + sourceId + ":door-7")).isPresent();
    }

    @Test
    void aClearedEventRaisesNothingButIsTheSourcesLastEvent() {
        Instant at = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> answer = fixtures.postEvent(sourceId, token, """
                {"event": "smoke", "state": "cleared", "at": "%s"}""".formatted(at));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(ApiClient.json(answer).has("alarmId")).isFalse();
        assertThat(fixtures.openAlarm("source:" + sourceId + ":smoke")).isEmpty();
        JsonNode source = fixtures.source(sourceId);
        assertThat(source.path("lastEventState").asString()).isEqualTo("cleared");
        assertThat(Instant.parse(source.path("lastEventAt").asString())).isEqualTo(at);
    }

    @Test
    void aWrongMissingOrForeignTokenIsRefusedWith401() {
        String event = "{\"event\": \"panic\"}";
        HttpResponse<String> wrong = fixtures.postEvent(sourceId, token + "x", event);
        HttpResponse<String> missing = fixtures.postEvent(sourceId, null, event);
        long otherSource = fixtures.createSource("{\"name\": \"%s\", \"kind\": \"webhook\"}"
                .formatted(SourceFixtures.name("other"))).path("id").asLong();
        HttpResponse<String> foreign = fixtures.postEvent(otherSource, token, event);
        HttpResponse<String> userToken = fixtures.send("POST", "/api/v1/alarm-sources/" + sourceId + "/events",
                event, fixtures.tokenFor("supervisor"));

        for (HttpResponse<String> refused : List.of(wrong, missing, foreign, userToken)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(ApiClient.json(refused).path("detail").asString()).contains("X-Atalaya-Source-Token");
        }
        assertThat(fixtures.openAlarm("source:" + sourceId + ":panic")).isEmpty();
    }

    @Test
    void badEventsAreRefusedWith400AndTheReasonInWords() {
        Map<String, String> reasons = Map.of(
                "{\"event\": ", "not valid JSON",
                "[\"panic\"]", "must be a JSON object",
                "{\"event\": \"panic\", \"colour\": \"red\"}", "colour: unknown field",
                "{\"message\": 12}", "message: must be a text",
                "{\"at\": \"yesterday\"}", "at: must be an ISO-8601 instant such as 2026-11-29T10:15:00Z",
                "{\"at\": \"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}", "more than 5 minutes in the future",
                "{\"at\": \"" + Instant.now().minus(2, ChronoUnit.DAYS) + "\"}", "more than 24 hours in the past",
                "{\"state\": \"burning\"}", "state: must be active or cleared",
                "{\"event\": \"two words\"}", "event: must be one word",
                "{\"message\": \"" + "x".repeat(501) + "\"}", "message: at most 500 characters");

        reasons.forEach((body, reason) -> {
            HttpResponse<String> refused = fixtures.postEvent(sourceId, token, body);
            assertThat(refused.statusCode()).as(body + " -> " + refused.body()).isEqualTo(400);
            assertThat(ApiClient.json(refused).path("detail").asString()).as(body).contains(reason);
        });
        HttpResponse<String> oversize = fixtures.postEvent(sourceId, token,
                "{\"message\": \"" + "x".repeat(17 * 1024) + "\"}");
        assertThat(oversize.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(oversize).path("detail").asString()).contains("16 KB");
        assertThat(fixtures.source(sourceId).path("lastError").asString()).contains("16 KB");
        assertThat(fixtures.alarmsFrom("Webhook " + name)).isZero();
    }

    @Test
    void aDisabledSourceIsRefusedWith403() {
        HttpResponse<String> disabled = fixtures.asSupervisor("PUT", "/api/v1/alarm-sources/" + sourceId, """
                {"name": "%s", "enabled": false}""".formatted(name));
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        HttpResponse<String> refused = fixtures.postEvent(sourceId, token, "{\"event\": \"panic\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(ApiClient.json(refused).path("detail").asString()).contains(name).contains("disabled");
    }

    @Test
    void aRotatedTokenReplacesTheOldOne() {
        HttpResponse<String> rotated = fixtures.asSupervisor("POST", "/api/v1/alarm-sources/" + sourceId + "/token",
                null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newToken = ApiClient.json(rotated).path("token").asString();

        assertThat(newToken).isNotEqualTo(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(fixtures.postEvent(sourceId, token, "{}").statusCode()).isEqualTo(401);
        assertThat(fixtures.postEvent(sourceId, newToken, "{}").statusCode()).isEqualTo(202);
        assertThat(fixtures.source(sourceId).has("token")).isFalse();
        assertThat(fixtures.auditOf(sourceId)).anyMatch(entry -> entry.startsWith("alarm.source.token.rotated by "));
    }
}
