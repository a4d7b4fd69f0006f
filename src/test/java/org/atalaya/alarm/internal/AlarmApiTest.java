package org.atalaya.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.atalaya.alarm.AlarmIntake;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The alarm API: the state machine, the checklist, assignment, who sees and handles what, and the audit trail. */
@AtalayaTest
class AlarmApiTest {

    @Autowired
    AlarmIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @LocalServerPort
    int port;

    AlarmFixtures fixtures;
    String group;
    long camera;
    String operator;
    ApiClient operatorApi;

    @BeforeEach
    void setUp() {
        fixtures = new AlarmFixtures(jdbc, accounts, port);
        group = fixtures.group();
        camera = fixtures.camera(group);
        operator = fixtures.user(group, "CAMERA_VIEW", "ALARM_VIEW", "ALARM_HANDLE");
        operatorApi = fixtures.client(operator);
    }

    private long raise(String type) {
        return intake.raise(AlarmFixtures.signal(type, AlarmFixtures.name("api"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), camera));
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static void problem(HttpResponse<String> response, int status, String words) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.json(response).path("detail").asString()).contains(words);
    }

    @Test
    void anAlarmGoesFromNewThroughAcknowledgedAndInProgressToClosedEachStepAuditedAndInItsHistory() {
        long id = raise("panic");
        String path = "/api/v1/alarms/" + id;

        JsonNode acknowledged = ok(operatorApi.post(path + "/acknowledge", ""));
        assertThat(acknowledged.path("state").asString()).isEqualTo("acknowledged");
        assertThat(acknowledged.path("assignee").asString()).isEqualTo(operator);
        assertThat(acknowledged.path("assigneeName").asString()).isEqualTo("Test user");
        assertThat(acknowledged.path("acknowledgedAt").isNull()).isFalse();

        assertThat(ok(operatorApi.post(path + "/start", "")).path("state").asString()).isEqualTo("in_progress");
        JsonNode closed = ok(operatorApi.post(path + "/close", """
                {"outcome": "resolved", "note": "Site contact confirmed all is well"}"""));
        assertThat(closed.path("state").asString()).isEqualTo("closed");
        assertThat(closed.path("outcome").asString()).isEqualTo("resolved");
        assertThat(closed.path("outcomeNote").asString()).isEqualTo("Site contact confirmed all is well");
        assertThat(closed.path("closedAt").isNull()).isFalse();

        for (String action : new String[]{"alarm.raised", "alarm.acknowledged", "alarm.started", "alarm.closed"}) {
            assertThat(fixtures.auditEntries(action, id)).as(action).isEqualTo(1);
        }
        assertThat(fixtures.auditActor("alarm.closed", id)).isEqualTo(operator);
        JsonNode detail = ok(operatorApi.get(path));
        assertThat(detail.path("history").valueStream().map(entry -> entry.path("action").asString()))
                .containsExactly("raised", "acknowledged", "started", "closed");
        assertThat(detail.path("history").get(3).path("by").asString()).isEqualTo(operator);
    }

    @Test
    void anAlarmIsSentWithEveryFieldNamedEvenWhenEmpty() {
        long id = raise("motion");

        JsonNode alarm = ok(operatorApi.get("/api/v1/alarms/" + id));
        assertThat(alarm.propertyNames()).containsExactlyInAnyOrder("id", "type", "priority", "state", "source",
                "detail", "firstAt", "lastAt", "count", "cameras", "latitude", "longitude", "assignee", "assigneeName",
                "acknowledgedAt", "escalatedAt", "outcome", "outcomeNote", "closedAt", "incidentRequested", "sop",
                "clips", "cameraGroup", "history");
        assertThat(alarm.path("assignee").isNull()).isTrue();
        assertThat(alarm.path("cameras").get(0).path("id").asLong()).isEqualTo(camera);
        assertThat(alarm.path("cameras").get(0).path("name").asString()).startsWith("alarm camera");
        assertThat(alarm.path("sop").get(0).propertyNames())
                .containsExactlyInAnyOrder("index", "text", "done", "doneBy", "doneAt");
        assertThat(alarm.path("history").get(0).propertyNames())
                .containsExactlyInAnyOrder("at", "action", "by", "detail");
    }

    @Test
    void stepsOutOfOrderAreConflictsInWords() {
        long id = raise("sensor");
        String path = "/api/v1/alarms/" + id;

        problem(operatorApi.post(path + "/start", ""), 409, "acknowledge it before");
        ok(operatorApi.post(path + "/acknowledge", ""));
        problem(operatorApi.post(path + "/acknowledge", ""), 409, "already acknowledged");
        ok(operatorApi.post(path + "/close", """
                {"outcome": "false-alarm"}"""));
        problem(operatorApi.post(path + "/close", """
                {"outcome": "resolved"}"""), 409, "Alarm " + id + " is already closed.");
        problem(operatorApi.post(path + "/acknowledge", ""), 409, "already closed");
        problem(operatorApi.post(path + "/assign", "{}"), 409, "already closed");
        assertThat(fixtures.auditEntries("alarm.closed", id)).isEqualTo(1);
    }

    @Test
    void aNewAlarmMayBeClosedAtOnceButOnlyWithAKnownOutcomeAndAShortNote() {
        long id = raise("sensor");
        String path = "/api/v1/alarms/" + id + "/close";

        problem(operatorApi.post(path, "{}"), 400, "needs an outcome");
        problem(operatorApi.post(path, """
                {"outcome": "solved"}"""), 400, "not solved");
        problem(operatorApi.post(path, """
                {"outcome": "test", "note": "%s"}""".formatted("x".repeat(2001))), 400, "at most 2000");
        assertThat(ok(operatorApi.post(path, """
                {"outcome": "test", "note": "%s"}""".formatted("x".repeat(2000)))).path("state").asString())
                .isEqualTo("closed");
    }

    @Test
    void checklistLinesAreTickedAndUntickedByIndex() {
        long id = raise("panic");
        String path = "/api/v1/alarms/" + id + "/sop/";

        JsonNode ticked = ok(operatorApi.post(path + "1", """
                {"done": true}"""));
        JsonNode line = ticked.path("sop").get(1);
        assertThat(line.path("text").asString()).isEqualTo("Call the site contact");
        assertThat(line.path("done").asBoolean()).isTrue();
        assertThat(line.path("doneBy").asString()).isEqualTo(operator);
        assertThat(ticked.path("sop").get(0).path("done").asBoolean()).isFalse();

        JsonNode unticked = ok(operatorApi.post(path + "1", """
                {"done": false}"""));
        assertThat(unticked.path("sop").get(1).path("done").asBoolean()).isFalse();
        assertThat(unticked.path("sop").get(1).path("doneBy").isNull()).isTrue();

        problem(operatorApi.post(path + "4", """
                {"done": true}"""), 400, "no line 4");
        problem(operatorApi.post(path + "-1", """
                {"done": true}"""), 400, "no line -1");
        assertThat(fixtures.auditEntries("alarm.sop.ticked", id)).isEqualTo(2);
    }

    @Test
    void anAlarmIsAssignedToOneselfOrToAnOperatorWhoMayHandleIt() {
        long id = raise("sensor");
        String path = "/api/v1/alarms/" + id + "/assign";
        String colleague = fixtures.user(group, "ALARM_VIEW", "ALARM_HANDLE");
        String viewer = fixtures.user(group, "ALARM_VIEW");
        String elsewhere = fixtures.user(fixtures.group(), "ALARM_VIEW", "ALARM_HANDLE");

        assertThat(ok(operatorApi.post(path, "")).path("assignee").asString()).isEqualTo(operator);
        assertThat(ok(operatorApi.post(path, """
                {"assignee": "%s"}""".formatted(colleague))).path("assignee").asString()).isEqualTo(colleague);
        problem(operatorApi.post(path, """
                {"assignee": "%s"}""".formatted(viewer)), 400, viewer + " may not handle alarm " + id);
        problem(operatorApi.post(path, """
                {"assignee": "%s"}""".formatted(elsewhere)), 400, "may not handle");
        problem(operatorApi.post(path, """
                {"assignee": "nobody-%s"}""".formatted(camera)), 400, "There is no user nobody-");
        assertThat(ok(operatorApi.get("/api/v1/alarms/" + id)).path("assignee").asString()).isEqualTo(colleague);
        assertThat(fixtures.auditEntries("alarm.assigned", id)).isEqualTo(2);

        // Acknowledging keeps an assignee who is already there.
        assertThat(ok(operatorApi.post("/api/v1/alarms/" + id + "/acknowledge", "")).path("assignee").asString())
                .isEqualTo(colleague);
    }

    @Test
    void anAlarmBelongsToItsFirstCamerasGroup() {
        long id = raise("motion");
        String path = "/api/v1/alarms/" + id;
        String otherGroup = fixtures.group();
        ApiClient stranger = fixtures.client(fixtures.user(otherGroup, "CAMERA_VIEW", "ALARM_VIEW", "ALARM_HANDLE"));
        ApiClient cameraOnly = fixtures.client(fixtures.userWith(AlarmFixtures.PASSWORD, List.of(
                new AlarmFixtures.Grant("CAMERA_VIEW", group), new AlarmFixtures.Grant("ALARM_VIEW", otherGroup))));
        ApiClient viewer = fixtures.client(fixtures.userWith(AlarmFixtures.PASSWORD, List.of(
                new AlarmFixtures.Grant("ALARM_VIEW", group), new AlarmFixtures.Grant("ALARM_HANDLE", otherGroup))));

        problem(stranger.get(path), 404, "no alarm " + id);
        problem(stranger.post(path + "/acknowledge", ""), 404, "no alarm " + id);
        problem(cameraOnly.get(path), 403, "not its alarms");
        assertThat(ok(viewer.get(path)).path("id").asLong()).isEqualTo(id);
        problem(viewer.post(path + "/acknowledge", ""), 403, "not handle it");
        problem(fixtures.clientWithRoles("admin").get(path), 403, "");

        assertThat(ok(stranger.get("/api/v1/alarms")).path("alarms").valueStream()
                .map(alarm -> alarm.path("id").asLong())).doesNotContain(id);
        JsonNode listed = ok(viewer.get("/api/v1/alarms?state=open&limit=500"));
        assertThat(listed.path("alarms").valueStream().map(alarm -> alarm.path("id").asLong())).contains(id);
        // Alarms without a camera (other tests raise some) need ALARM_VIEW for any group; the rest are this group's.
        assertThat(listed.path("alarms").valueStream().filter(alarm -> !alarm.path("cameraGroup").isNull())
                .map(alarm -> alarm.path("cameraGroup").asString())).containsOnly(group);
        assertThat(fixtures.auditEntries("alarm.acknowledged", id)).isZero();
    }

    @Test
    void theListIsOrderedByPriorityAndCountsByState() {
        JsonNode before = ok(operatorApi.get("/api/v1/alarms")).path("counts");
        long sensor = raise("sensor");
        long panic = raise("panic");
        long motion = raise("motion");
        ok(operatorApi.post("/api/v1/alarms/" + motion + "/acknowledge", ""));
        long closed = raise("tamper.moved");
        ok(operatorApi.post("/api/v1/alarms/" + closed + "/close", """
                {"outcome": "duplicate"}"""));

        JsonNode open = ok(operatorApi.get("/api/v1/alarms"));
        assertThat(open.path("alarms").valueStream().map(alarm -> alarm.path("id").asLong())
                .filter(id -> id == sensor || id == panic || id == motion)).containsExactly(panic, sensor, motion);
        JsonNode after = open.path("counts");
        assertThat(after.path("newCount").asInt() - before.path("newCount").asInt()).isEqualTo(2);
        assertThat(after.path("acknowledged").asInt() - before.path("acknowledged").asInt()).isEqualTo(1);
        assertThat(after.path("inProgress").asInt() - before.path("inProgress").asInt()).isZero();
        assertThat(after.path("closedToday").asInt() - before.path("closedToday").asInt()).isEqualTo(1);
        assertThat(ok(operatorApi.get("/api/v1/alarms?state=closed")).path("alarms").valueStream()
                .map(alarm -> alarm.path("id").asLong())).containsExactly(closed);
        problem(operatorApi.get("/api/v1/alarms?state=all"), 400, "open or closed");
    }

    @Test
    void anIncidentIsRequestedOnce() {
        long id = raise("panic");
        String path = "/api/v1/alarms/" + id + "/incident";

        assertThat(ok(operatorApi.post(path, "")).path("incidentRequested").asBoolean()).isTrue();
        problem(operatorApi.post(path, ""), 409, "already requested for alarm " + id + " by " + operator);
        assertThat(fixtures.auditEntries("alarm.incident.requested", id)).isEqualTo(1);
    }

    @Test
    void supervisorsChangeAlarmTypesAndOperatorsOnlyReadThem() {
        String supervisorToken = fixtures.tokenFor("supervisor");
        JsonNode types = ok(operatorApi.get("/api/v1/alarm-types"));
        assertThat(types.valueStream().map(type -> type.path("code").asString()))
                .contains("motion", "panic", "camera.offline", "audit.write-failure");

        String body = """
                {"priority": 4, "escalateAfterSeconds": null, "clip": false,
                 "sop": ["Check the recording resumed", "Record the outcome"]}""";
        assertThat(fixtures.put(fixtures.token(operator), "/api/v1/alarm-types/recording.gap", body).statusCode()).isEqualTo(403);
        JsonNode changed = ok(fixtures.put(supervisorToken, "/api/v1/alarm-types/recording.gap", body));
        assertThat(changed.path("priority").asInt()).isEqualTo(4);
        assertThat(changed.path("sop").size()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'alarm.type.changed'"
                + " AND target = 'alarm-type:recording.gap'").query(Integer.class).single()).isPositive();

        problem(fixtures.put(supervisorToken, "/api/v1/alarm-types/recording.gap", """
                {"priority": 0, "clip": false, "sop": ["x"]}"""), 400, "from 1 (most urgent) to 5");
        problem(fixtures.put(supervisorToken, "/api/v1/alarm-types/recording.gap", """
                {"priority": 3, "clip": false, "sop": []}"""), 400, "checklist needs 1 to 20 lines");
        problem(fixtures.put(supervisorToken, "/api/v1/alarm-types/earthquake", """
                {"priority": 3, "clip": false, "sop": ["x"]}"""), 404, "no alarm type earthquake");
        ok(fixtures.put(supervisorToken, "/api/v1/alarm-types/recording.gap", """
                {"priority": 3, "escalateAfterSeconds": null, "clip": false,
                 "sop": ["Check that the camera records again", "Note the missing time span", "Record the outcome"]}"""));
    }
}
