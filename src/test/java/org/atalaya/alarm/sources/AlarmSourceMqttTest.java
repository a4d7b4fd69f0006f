package org.atalaya.alarm.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Await;
import org.atalaya.test.Mosquitto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Sensors publishing to a real mosquitto broker on loopback. */
@AtalayaTest
class AlarmSourceMqttTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    private SourceFixtures fixtures;
    private Mosquitto broker;
    private long camera;
    private final List<Long> createdSources = new ArrayList<>();

    @BeforeEach
    void broker() {
        fixtures = new SourceFixtures(jdbc, accounts, port);
        camera = fixtures.camera();
        broker = Mosquitto.anonymous();
    }

    /** The sources go before their broker, so the shared server does not go on trying to reach it. */
    @AfterEach
    void removeSourcesAndBroker() {
        for (long id : createdSources) fixtures.asSupervisor("DELETE", "/api/v1/alarm-sources/" + id, null);
        broker.close();
    }

    @Test
    void jsonAndPlainTextMessagesRaiseAlarmsWithTheSourcesCamerasAndPlace() {
        String name = SourceFixtures.name("door");
        long id = mqttSource(name, "sites/" + name + "/+", broker);

        broker.publish("sites/" + name + "/door-3", """
                {"event": "forced", "message": "Door 3 forced open"}""");
        broker.publish("sites/" + name + "/door-4", "Door 4 left open");

        Map<String, Object> json = awaitAlarm("source:" + id + ":forced");
        assertThat(json).containsEntry("type", "sensor").containsEntry("source", "MQTT " + name)
                .containsEntry("detail", "Door 3 forced open").containsEntry("cameras", "{" + camera + "}")
                .containsEntry("latitude", -24.2).containsEntry("longitude", -65.31);
        Map<String, Object> text = awaitAlarm("source:" + id + ":sensor");
        assertThat(text).containsEntry("detail", "Door 4 left open").containsEntry("source", "MQTT " + name);
    }

    @Test
    void aBadPayloadRaisesNothingIsTheLastErrorAndTheClientGoesOn() {
        String name = SourceFixtures.name("smoke");
        long id = mqttSource(name, "sites/" + name, broker);

        broker.publish("sites/" + name, "{\"event\": \"smoke\", \"at\": \"soon\"}");
        Await.until(ARRIVAL, () -> fixtures.source(id).path("lastError").asString().contains("at: must be"));
        assertThat(fixtures.alarmsFrom("MQTT " + name)).isZero();

        broker.publish("sites/" + name, "{\"event\": \"smoke\"}");
        awaitAlarm("source:" + id + ":smoke");
        JsonNode source = fixtures.source(id);
        assertThat(source.path("lastError").isMissingNode()).isTrue();
        assertThat(source.path("connection").path("state").asString()).isEqualTo("connected");
    }

    @Test
    void afterTheBrokerRestartsTheSubscriptionIsBackAndLaterMessagesArrive() {
        String name = SourceFixtures.name("fence");
        long id = mqttSource(name, "sites/" + name, broker);

        broker.stop();
        Await.until(ARRIVAL, () -> fixtures.source(id).path("connection").path("state").asString()
                .equals("error"));
        assertThat(fixtures.source(id).path("connection").path("problem").asString()).isNotBlank();
        broker.start();
        awaitConnected(id);
        broker.publish("sites/" + name, "{\"event\": \"cut\"}");

        awaitAlarm("source:" + id + ":cut");
    }

    @Test
    void aBrokerWithAPasswordLetsInTheRightOneOnlyAndThePasswordIsNeverShown() {
        try (Mosquitto guarded = Mosquitto.withPassword("sensor-bridge", "s3cret-bridge-pass")) {
            String name = SourceFixtures.name("vault");
            JsonNode created = fixtures.createSource("""
                    {"name": "%s", "kind": "mqtt", "brokerUrl": "%s", "topicFilter": "vault/#",
                     "username": "sensor-bridge", "password": "wrong-pass"}""".formatted(name, guarded.url()));
            long id = created.path("id").asLong();
            createdSources.add(id);
            assertThat(created.toString()).doesNotContain("wrong-pass");
            Await.until(ARRIVAL, () -> fixtures.source(id).path("connection").path("state").asString()
                    .equals("error"));

            HttpResponse<String> changed = fixtures.asSupervisor("PUT", "/api/v1/alarm-sources/" + id, """
                    {"name": "%s", "brokerUrl": "%s", "topicFilter": "vault/#", "username": "sensor-bridge",
                     "password": "s3cret-bridge-pass"}""".formatted(name, guarded.url()));
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            awaitConnected(id);
            guarded.publish("vault/door", "{\"event\": \"open\"}");

            awaitAlarm("source:" + id + ":open");
            JsonNode source = fixtures.source(id);
            assertThat(source.path("hasPassword").asBoolean()).isTrue();
            assertThat(source.toString()).doesNotContain("s3cret-bridge-pass");
            assertThat(jdbc.sql("SELECT mqtt_password_sealed FROM alarm_source WHERE id = ?").param(id)
                    .query(String.class).single()).doesNotContain("s3cret-bridge-pass");
        }
    }

    @Test
    void aDeletedSourceIsNoLongerListenedTo() {
        String name = SourceFixtures.name("window");
        long id = mqttSource(name, "sites/" + name, broker);
        String kept = SourceFixtures.name("window-kept");
        long keptId = mqttSource(kept, "sites/" + kept, broker);

        assertThat(fixtures.asSupervisor("DELETE", "/api/v1/alarm-sources/" + id, null).statusCode())
                .isEqualTo(204);
        // the kept source's alarm arriving after the deleted one's message shows the broker delivered both
        broker.publish("sites/" + name, "{\"event\": \"broken\"}");
        broker.publish("sites/" + kept, "{\"event\": \"broken\"}");
        awaitAlarm("source:" + keptId + ":broken");

        assertThat(fixtures.alarmsFrom("MQTT " + name)).isZero();
        assertThat(fixtures.auditOf(id)).containsExactly("alarm.source.created by " + creator(keptId),
                "alarm.source.deleted by " + creator(keptId));
    }

    private String creator(long sourceId) {
        return fixtures.source(sourceId).path("createdBy").asString();
    }

    private long mqttSource(String name, String topicFilter, Mosquitto on) {
        JsonNode created = fixtures.createSource("""
                {"name": "%s", "kind": "mqtt", "brokerUrl": "%s", "topicFilter": "%s", "qos": 1,
                 "latitude": -24.2, "longitude": -65.31, "cameraIds": [%d]}"""
                .formatted(name, on.url(), topicFilter, camera));
        long id = created.path("id").asLong();
        createdSources.add(id);
        awaitConnected(id);
        return id;
    }

    private void awaitConnected(long id) {
        Await.until(ARRIVAL, () -> fixtures.source(id).path("connection").path("state").asString()
                .equals("connected"), "the broker runs", () -> true, () -> fixtures.source(id) + "\n" + broker.log());
    }

    private Map<String, Object> awaitAlarm(String dedupKey) {
        Await.until(ARRIVAL, () -> fixtures.openAlarm(dedupKey).isPresent(), "the broker runs", () -> true,
                () -> "no alarm " + dedupKey + "; " + broker.log());
        return fixtures.openAlarm(dedupKey).orElseThrow();
    }
}
