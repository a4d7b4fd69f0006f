package org.atalaya.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

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

/** The incident API: opening with its refusals, reading (audited), notes, ending, duplicates, merging, cameras. */
@AtalayaTest
class IncidentApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @LocalServerPort
    int port;

    TestAccounts fixtures;
    IncidentFixtures incidentFixtures;
    ApiClient dispatcher;
    ApiClient responder;
    double[] place;

    @BeforeEach
    void setUp() {
        fixtures = new TestAccounts(jdbc, accounts, "incident");
        incidentFixtures = new IncidentFixtures(jdbc);
        dispatcher = new ApiClient(port, fixtures.tokenFor("dispatcher"));
        responder = new ApiClient(port, fixtures.tokenFor("responder"));
        place = IncidentFixtures.lonelyPlace();
    }

    private static JsonNode status(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return ApiClient.json(response);
    }

    private static void problem(HttpResponse<String> response, int status, String words) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.json(response).path("detail").asString()).contains(words);
    }

    private JsonNode open(String type, double latitude, double longitude) {
        return status(dispatcher.post("/api/v1/incidents", """
                {"typeCode": "%s", "latitude": %s, "longitude": %s, "address": "Belgrano 500",
                 "summary": "smoke from a window", "callOfferedAt": "2026-07-01T12:00:00Z"}"""
                .formatted(type, latitude, longitude)), 201);
    }

    @Test
    void anIncidentIsOpenedReadWithItsNarrativeAndTheReadingIsAudited() {
        JsonNode opened = open("FIRE_STRUCTURE", place[0], place[1]);
        long id = opened.path("id").asLong();
        assertThat(opened.path("priority").asInt()).isEqualTo(1);
        assertThat(opened.path("status").asString()).isEqualTo("NEW");

        status(dispatcher.post("/api/v1/incidents/" + id + "/log", """
                {"text": "Neighbours evacuated"}"""), 201);
        JsonNode read = status(dispatcher.get("/api/v1/incidents/" + id), 200);

        assertThat(read.path("number").asString()).isEqualTo(opened.path("number").asString());
        assertThat(read.path("callOfferedAt").asString()).isEqualTo("2026-07-01T12:00:00Z");
        assertThat(read.path("log").valueStream().map(entry -> entry.path("text").asString()).toList())
                .containsExactly("smoke from a window", "Neighbours evacuated");
        assertThat(incidentFixtures.auditActions(opened.path("number").asString()))
                .containsExactly("incident.opened", "incident.note", "incident.viewed");
        assertThat(status(dispatcher.get("/api/v1/incidents"), 200).valueStream()
                .map(incident -> incident.path("id").asLong()).toList()).contains(id);
    }

    @Test
    void invalidReportsAreRefusedWithTheReason() {
        problem(dispatcher.post("/api/v1/incidents", """
                {"typeCode": "UFO_SIGHTING", "latitude": -24.1, "longitude": -65.3}"""), 400, "no incident type");
        problem(dispatcher.post("/api/v1/incidents", """
                {"typeCode": "OTHER", "priority": 0}"""), 400, "priority");
        problem(dispatcher.post("/api/v1/incidents", """
                {"typeCode": "OTHER", "latitude": -124.1, "longitude": -65.3}"""), 400, "latitude");
        problem(dispatcher.post("/api/v1/incidents", """
                {"typeCode": "OTHER", "latitude": -24.1, "longitude": 265.3}"""), 400, "longitude");
        problem(dispatcher.get("/api/v1/incidents?status=closed"), 400, "active or all");
        problem(dispatcher.get("/api/v1/incidents?status=all&from=yesterday"), 400, "from must be an instant");
        problem(dispatcher.get("/api/v1/incidents/999999999"), 404, "no incident 999999999");
    }

    @Test
    void closingNeedsAnOutcomeAndAnEndedIncidentCannotBeClosedAgain() {
        long id = open("BURGLARY", place[0], place[1]).path("id").asLong();

        problem(dispatcher.post("/api/v1/incidents/" + id + "/close", "{}"), 400, "outcome");
        JsonNode closed = status(dispatcher.post("/api/v1/incidents/" + id + "/close", """
                {"outcome": "Suspect detained"}"""), 200);
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        problem(dispatcher.post("/api/v1/incidents/" + id + "/cancel", """
                {"reason": "duplicate"}"""), 409, "already ended");
    }

    @Test
    void aResponderReadsIncidentsButMayNotChangeThem() {
        long id = open("ROBBERY", place[0], place[1]).path("id").asLong();

        status(responder.get("/api/v1/incidents/" + id), 200);
        assertThat(responder.post("/api/v1/incidents/" + id + "/cancel", """
                {"reason": "prank"}""").statusCode()).isEqualTo(403);
    }

    @Test
    void duplicatesAreOfferedAndMergedOverTheApi() {
        long first = open("TRAFFIC_COLLISION", place[0], place[1]).path("id").asLong();
        double[] near = IncidentFixtures.north(place, 100);
        long second = open("TRAFFIC_COLLISION_INJURIES", near[0], near[1]).path("id").asLong();

        assertThat(status(dispatcher.get("/api/v1/incidents/" + second + "/duplicates"), 200).valueStream()
                .map(incident -> incident.path("id").asLong()).toList()).containsExactly(first);
        problem(dispatcher.post("/api/v1/incidents/" + second + "/merge-into/" + second, ""), 400, "itself");
        JsonNode survivor = status(dispatcher.post("/api/v1/incidents/" + second + "/merge-into/" + first, ""), 200);

        assertThat(survivor.path("id").asLong()).isEqualTo(first);
        JsonNode merged = status(dispatcher.get("/api/v1/incidents/" + second), 200);
        assertThat(merged.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(merged.path("mergedInto").asLong()).isEqualTo(first);
    }

    @Test
    void theCamerasThatSeeThePlaceAreListedNearestFirstWithLinksByPermission() {
        String group = fixtures.group();
        ApiClient admin = new ApiClient(port, fixtures.tokenFor("admin"));
        double[] south = IncidentFixtures.north(place, -60);
        double[] north = IncidentFixtures.north(place, 30);
        long looking = camera(admin, group, "looking north", south, 0.0, 60.0, 100.0);
        long around = camera(admin, group, "all around", north, null, null, 80.0);
        camera(admin, group, "looking away", north, 0.0, 60.0, 100.0);
        camera(admin, group, "too short", IncidentFixtures.north(place, -150), 0.0, 60.0, 100.0);
        JsonNode opened = open("ASSAULT", place[0], place[1]);
        long id = opened.path("id").asLong();
        String number = opened.path("number").asString();

        ApiClient watcher = new ApiClient(port, fixtures.tokenWith(List.of(
                new TestAccounts.Grant("INCIDENT_VIEW", group), new TestAccounts.Grant("CAMERA_VIEW", group),
                new TestAccounts.Grant("PLAYBACK_VIEW", group))));
        JsonNode cameras = status(watcher.get("/api/v1/incidents/" + id + "/cameras"), 200);

        assertThat(cameras.valueStream().map(camera -> camera.path("id").asLong()).toList())
                .containsExactly(around, looking);
        JsonNode nearest = cameras.get(0);
        assertThat(nearest.path("distanceM").asLong()).isEqualTo(30);
        assertThat(nearest.has("liveUrl")).as("a live link without LIVE_VIEW").isFalse();
        assertThat(nearest.path("playbackUrl").asString()).isEqualTo("/cameras/" + around
                + "/playback?at=2026-07-01T11%3A59%3A30Z&reason=Incident%20" + number + "&case=" + number);
        assertThat(status(responder.get("/api/v1/incidents/" + id + "/cameras"), 200).isEmpty()).isTrue();
    }

    private long camera(ApiClient admin, String group, String name, double[] where, Double heading, Double fov,
                        Double range) {
        String view = (heading == null ? "" : ", \"headingDeg\": " + heading + ", \"fovDeg\": " + fov)
                + ", \"rangeM\": " + range;
        var created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.70/stream", "cameraGroup": "%s",
                 "latitude": %s, "longitude": %s%s}""".formatted(TestAccounts.unique("incident " + name), group,
                where[0], where[1], view));
        return status(created, 201).path("id").asLong();
    }

    @Test
    void theAdministratorAddsAndChangesIncidentTypesWhichOthersOnlyRead() {
        String admin = fixtures.tokenFor("admin");
        String code = "TEST_" + TestAccounts.unique("T").substring(2).toUpperCase().replace('-', '_');
        HttpResponse<String> refused = new ApiClient(port, admin).post("/api/v1/incident-types/" + code, """
                {"name": "Test", "nameEs": "Prueba", "defaultPriority": 3, "unitTypes": ["submarine"]}""");
        problem(refused, 400, "no unit type submarine");

        JsonNode created = status(new ApiClient(port, admin).post("/api/v1/incident-types/" + code, """
                {"name": "Test", "nameEs": "Prueba", "defaultPriority": 3, "unitTypes": ["patrol"]}"""), 201);
        assertThat(created.path("active").asBoolean()).isTrue();
        problem(new ApiClient(port, admin).post("/api/v1/incident-types/" + code, """
                {"name": "Test", "nameEs": "Prueba", "defaultPriority": 3}"""), 409, "already");

        JsonNode changed = status(put(admin, "/api/v1/incident-types/" + code, """
                {"name": "Test two", "nameEs": "Prueba dos", "defaultPriority": 2, "unitTypes": [], "active": false}"""),
                200);
        assertThat(changed.path("defaultPriority").asInt()).isEqualTo(2);
        problem(put(admin, "/api/v1/incident-types/NO_SUCH_TYPE_X", """
                {"name": "x", "nameEs": "x", "defaultPriority": 2}"""), 404, "no incident type");
        assertThat(put(fixtures.tokenFor("dispatcher"), "/api/v1/incident-types/" + code, """
                {"name": "x", "nameEs": "x", "defaultPriority": 2}""").statusCode()).isEqualTo(403);
        assertThat(status(dispatcher.get("/api/v1/incident-types"), 200).valueStream()
                .filter(type -> type.path("code").asString().equals(code)).findFirst().orElseThrow()
                .path("name").asString()).isEqualTo("Test two");
        problem(dispatcher.post("/api/v1/incidents", """
                {"typeCode": "%s"}""".formatted(code)), 400, "no longer in use");
    }

    private HttpResponse<String> put(String token, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
