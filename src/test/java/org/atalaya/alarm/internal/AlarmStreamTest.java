package org.atalaya.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.atalaya.alarm.AlarmIntake;
import org.atalaya.alarm.AlarmSignal;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.EventStreamReader;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's alarm stream, read as a browser's EventSource reads it: it opens with the counts and the open alarms
 * the user sees, then brings each alarm raised for a camera of their group as it happens, never one of another group.
 */
@AtalayaTest
class AlarmStreamTest {

    private static final String STREAM = "/api/v1/alarms/stream";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AlarmIntake intake;

    private TestAccounts fixtures;
    private ApiClient admin;
    private String group;
    private long camera;

    @BeforeEach
    void camera() {
        fixtures = new TestAccounts(jdbc, accounts, "alarmstream");
        admin = new ApiClient(port, fixtures.tokenFor("admin"));
        group = fixtures.group();
        camera = camera(group);
    }

    @Test
    void theStreamOpensWithTheCountsAndTheOpenAlarmsThenBringsANewAlarmAndFreshCounts() throws Exception {
        String before = TestAccounts.unique("panic button before");
        raise(camera, before);
        String viewer = fixtures.tokenScopedTo(group, "ALARM_VIEW");

        try (var stream = new EventStreamReader(port, STREAM, viewer)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(stream.until(line -> line.startsWith("event:"), WAIT)).isEqualTo("event: counts");
            String opening = stream.until(line -> line.contains("\"source\":\"" + before + "\""), WAIT);
            assertThat(opening).contains("\"state\":\"new\"", "\"type\":\"panic\"", "\"cameraGroup\":\"" + group + "\"");
            stream.until("event: ready"::equals, WAIT);

            String raised = TestAccounts.unique("panic button after");
            raise(camera, raised);
            String alarm = stream.until(line -> line.contains("\"source\":\"" + raised + "\""), WAIT);
            assertThat(stream.previous(alarm)).isEqualTo("event: alarm");
            assertThat(alarm).contains("\"cameras\":[{\"id\":" + camera + ",", "\"count\":1");
            stream.until("event: counts"::equals, WAIT);
            String counts = stream.until(line -> line.startsWith("data:"), WAIT);
            assertThat(counts).contains("\"newCount\":", "\"acknowledged\":", "\"inProgress\":", "\"closedToday\":");
            assertThat(newCount(counts)).as("both alarms of the group are new").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aUserOfAnotherCameraGroupDoesNotGetTheAlarm() throws Exception {
        String otherGroup = fixtures.group();
        long otherCamera = camera(otherGroup);
        String outsider = fixtures.tokenScopedTo(otherGroup, "ALARM_VIEW");

        try (var stream = new EventStreamReader(port, STREAM, outsider)) {
            stream.until("event: ready"::equals, WAIT);
            String hidden = TestAccounts.unique("hidden panic");
            raise(camera, hidden);
            String seen = TestAccounts.unique("seen panic");
            raise(otherCamera, seen);

            stream.until(line -> line.contains("\"source\":\"" + seen + "\""), WAIT);
            assertThat(stream.seen()).as("changes are sent in the order they happen; nothing of the other group")
                    .noneMatch(line -> line.contains(hidden) || line.contains("\"cameraGroup\":\"" + group + "\""));
        }
    }

    @Test
    void aUserWithoutAlarmViewIsRefusedAndOthersAreToldToAskForEvents() throws Exception {
        String cameraViewer = fixtures.tokenScopedTo(group, "CAMERA_VIEW");
        try (var stream = new EventStreamReader(port, STREAM, cameraViewer)) {
            assertThat(stream.status()).isEqualTo(403);
        }
        var answer = new ApiClient(port, fixtures.tokenScopedTo(group, "ALARM_VIEW")).get(STREAM);
        assertThat(answer.statusCode()).isEqualTo(406);
        assertThat(ApiClient.json(answer).path("detail").asString()).contains("text/event-stream");
    }

    private long camera(String cameraGroup) {
        var created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.50/stream", "cameraGroup": "%s"}"""
                .formatted(TestAccounts.unique("Alarm stream camera"), cameraGroup));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    private void raise(long cameraId, String source) {
        intake.raise(new AlarmSignal("panic", source, null, Instant.now(), List.of(cameraId), -24.19, -65.30,
                "pressed at the gate"));
    }

    private static int newCount(String countsLine) {
        var matcher = java.util.regex.Pattern.compile("\"newCount\":(\\d+)").matcher(countsLine);
        assertThat(matcher.find()).as(countsLine).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
