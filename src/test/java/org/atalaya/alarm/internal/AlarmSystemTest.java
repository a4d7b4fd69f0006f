package org.atalaya.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.atalaya.analytics.MotionDetected;
import org.atalaya.analytics.TamperDetected;
import org.atalaya.analytics.TamperKind;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.audit.AuditWriteFailedException;
import org.atalaya.camera.CameraStatus;
import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.identity.UserAccounts;
import org.atalaya.media.StreamProblem;
import org.atalaya.media.SupervisionStatus;
import org.atalaya.recording.GapIndex;
import org.atalaya.recording.RecordingGap;
import org.atalaya.recording.StorageExhausted;
import org.atalaya.test.Await;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The system raises its own alarms from the events its modules publish, the way those modules publish them. */
@AtalayaTest
class AlarmSystemTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AlarmQueries queries;

    @Autowired
    SystemAlarms systemAlarms;

    @Autowired
    RestartLoopAlarms restartLoops;

    @Autowired
    CameraOfflineAlarms offlineAlarms;

    @Autowired
    GapIndex gaps;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @LocalServerPort
    int port;

    AlarmFixtures fixtures;
    String group;
    long camera;

    @BeforeEach
    void setUp() {
        fixtures = new AlarmFixtures(jdbc, accounts, port);
        group = fixtures.group();
        camera = fixtures.camera(group);
    }

    private void publish(Object event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    private Optional<AlarmView> openAlarm(String dedupKey) {
        return jdbc.sql("SELECT id FROM alarm WHERE dedup_key = ? AND state <> 'closed'").param(dedupKey)
                .query(Long.class).optional().flatMap(queries::find);
    }

    private AlarmView awaitAlarm(String dedupKey) {
        Await.until(WAIT, () -> openAlarm(dedupKey).isPresent());
        return openAlarm(dedupKey).orElseThrow();
    }

    @Test
    void motionSeenByAnalyticsRaisesAMotionAlarmOnTheCamera() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new MotionDetected(camera, at, "gate", 12.5));

        AlarmView alarm = awaitAlarm("motion:" + camera);
        assertThat(alarm.type()).isEqualTo("motion");
        assertThat(alarm.source()).startsWith("camera " + camera + " alarm camera");
        assertThat(alarm.cameras()).extracting(AlarmCamera::id).containsExactly(camera);
        assertThat(alarm.cameraGroup()).isEqualTo(group);
        assertThat(alarm.latitude()).isEqualTo(-24.1858);
        assertThat(alarm.firstAt()).isEqualTo(at);
        assertThat(alarm.detail()).contains("gate");

        publish(new MotionDetected(camera, at.plusSeconds(5), "gate", 30));
        Await.until(WAIT, () -> openAlarm("motion:" + camera).orElseThrow().count() == 2);
    }

    @Test
    void tamperingRaisesAnAlarmOfItsKind() {
        publish(new TamperDetected(camera, Instant.now(), TamperKind.COVERED, "brightness 3 of 255"));

        AlarmView alarm = awaitAlarm("tamper.covered:" + camera);
        assertThat(alarm.type()).isEqualTo("tamper.covered");
        assertThat(alarm.priority()).isEqualTo(2);
        assertThat(alarm.detail()).isEqualTo("brightness 3 of 255");
    }

    @Test
    void aLongRecordingGapRaisesAnAlarmAndAShortOneDoesNot() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        long shortGapCamera = fixtures.camera(group);
        systemAlarms.on(new RecordingGap(shortGapCamera, start, start.plusSeconds(9), "unreachable"));
        assertThat(openAlarm("recording.gap:" + shortGapCamera)).isEmpty();

        gaps.add(new RecordingGap(camera, start, start.plusSeconds(15), "unreachable (Connection refused)"));

        AlarmView alarm = awaitAlarm("recording.gap:" + camera);
        assertThat(alarm.type()).isEqualTo("recording.gap");
        assertThat(alarm.firstAt()).isEqualTo(start);
        assertThat(alarm.detail()).contains("15 s").contains("Connection refused");
        assertThat(gaps.gaps(camera)).hasSize(1);
    }

    @Test
    void storageAtItsFloorRaisesTheMostUrgentAlarm() {
        Path storage = Path.of("/srv/recordings-" + AlarmFixtures.name("storage").replace(' ', '-'));
        publish(new StorageExhausted(storage, "every remaining segment is under a legal hold", Instant.now()));

        AlarmView alarm = awaitAlarm("storage.floor:" + storage);
        assertThat(alarm.type()).isEqualTo("storage.floor");
        assertThat(alarm.priority()).isEqualTo(1);
        assertThat(alarm.cameras()).isEmpty();
        assertThat(alarm.detail()).contains("legal hold");
    }

    @Test
    void aVideoProcessInARestartLoopRaisesAnAlarmOnItsCamera() {
        String key = "live-" + camera + "-sub";
        var failure = new SupervisionStatus.Failure(StreamProblem.UNREACHABLE, "Connection refused", Instant.now());
        restartLoops.statusChanged(new SupervisionStatus(key, SupervisionStatus.State.WAITING_TO_RESTART,
                Instant.now(), 4, Instant.now().plusSeconds(5), failure));
        assertThat(openAlarm("process.restart-loop:" + key)).isEmpty();

        restartLoops.statusChanged(new SupervisionStatus(key, SupervisionStatus.State.WAITING_TO_RESTART,
                Instant.now(), 5, Instant.now().plusSeconds(5), failure));
        AlarmView alarm = awaitAlarm("process.restart-loop:" + key);
        assertThat(alarm.cameras()).extracting(AlarmCamera::id).containsExactly(camera);
        assertThat(alarm.detail()).contains("failed 5 times in a row").contains("Connection refused");

        restartLoops.statusChanged(new SupervisionStatus(key, SupervisionStatus.State.WAITING_TO_RESTART,
                Instant.now(), 6, Instant.now().plusSeconds(5), failure));
        Await.until(WAIT, () -> openAlarm("process.restart-loop:" + key).orElseThrow().count() == 2);
    }

    @Test
    void processKeysNameTheirCamera() {
        assertThat(RestartLoopAlarms.cameraOf("recording-12")).contains(12L);
        assertThat(RestartLoopAlarms.cameraOf("analytics-7")).contains(7L);
        assertThat(RestartLoopAlarms.cameraOf("live-3-main")).contains(3L);
        assertThat(RestartLoopAlarms.cameraOf("live-3-side")).isEmpty();
        assertThat(RestartLoopAlarms.cameraOf("thumbnails")).isEmpty();
    }

    @Test
    void aCameraOfflineLongerThanTheLimitRaisesAnAlarm() {
        publish(new CameraStatusChanged(camera, CameraStatus.OFFLINE, Instant.now().minusSeconds(60),
                "unreachable (Connection refused)", StreamProblem.UNREACHABLE));

        AlarmView alarm = awaitAlarm("camera.offline:" + camera);
        assertThat(alarm.type()).isEqualTo("camera.offline");
        assertThat(alarm.cameras()).extracting(AlarmCamera::id).containsExactly(camera);
        assertThat(alarm.detail()).contains("offline").contains("Connection refused");
    }

    @Test
    void aCameraBackOnlineOrOfflineOnlyBrieflyRaisesNothing() {
        long recovered = fixtures.camera(group);
        Instant now = Instant.now();
        publish(new CameraStatusChanged(recovered, CameraStatus.OFFLINE, now.minusSeconds(60), "unreachable",
                StreamProblem.UNREACHABLE));
        publish(new CameraStatusChanged(recovered, CameraStatus.ONLINE, now.minusSeconds(59), null, null));
        offlineAlarms.check(recovered);
        assertThat(openAlarm("camera.offline:" + recovered)).isEmpty();

        long brief = fixtures.camera(group);
        publish(new CameraStatusChanged(brief, CameraStatus.ERROR, now, "wrong credentials",
                StreamProblem.WRONG_CREDENTIALS));
        offlineAlarms.check(brief);
        assertThat(openAlarm("camera.offline:" + brief)).isEmpty();
    }

    @Test
    void anAuditEntryThatCannotBeWrittenRaisesAnAlarmThoughItsTransactionRollsBack() {
        int before = openAlarm("audit.write-failure").map(AlarmView::count).orElse(0);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
                audit.record(AuditEvent.success("a".repeat(101), "alarm-test"))))
                .isInstanceOf(AuditWriteFailedException.class);

        Await.until(WAIT, () -> openAlarm("audit.write-failure").map(AlarmView::count).orElse(0) > before);
        AlarmView alarm = openAlarm("audit.write-failure").orElseThrow();
        assertThat(alarm.priority()).isLessThanOrEqualTo(1);
        assertThat(queries.history(alarm.id()).getFirst().detail()).contains("not audited");
    }
}
