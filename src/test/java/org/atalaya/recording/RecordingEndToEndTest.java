package org.atalaya.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.atalaya.identity.UserAccounts;
import org.atalaya.media.MediaInfo;
import org.atalaya.media.MediaProbe;
import org.atalaya.media.ProcessSupervisor;
import org.atalaya.media.SupervisionStatus;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Await;
import org.atalaya.test.LiveViewer;
import org.atalaya.test.RtspServer;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A camera registered through the API, served by a real RTSP server with credentials, is recorded by the running
 * application; losing the camera is reported, leaves a gap row and recording resumes when it returns.
 */
@AtalayaTest
@TestPropertySource(properties = {"atalaya.recording.enabled=true", "atalaya.recording.segment-seconds=5"})
class RecordingEndToEndTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final Duration RECORDED_BEFORE_LOSS = Duration.ofSeconds(30);
    private static final String USER = "viewer";
    private static final String PASSWORD = "pä:ss@wörd/1";

    static RtspServer camera;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SegmentIndex segments;
    @Autowired
    GapIndex gaps;
    @Autowired
    MediaProbe probe;
    @Autowired
    RecordingProperties recording;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ProcessSupervisor supervisor;

    /** Recordings of earlier runs must not count: the ephemeral database numbers cameras from 1 again. */
    @DynamicPropertySource
    static void freshStorage(DynamicPropertyRegistry properties) throws IOException {
        Path storage = Files.createTempDirectory(Path.of("target"), "test-recordings-end-to-end-");
        properties.add("atalaya.recording.storage-path", storage::toString);
    }

    @BeforeAll
    static void startCamera() {
        camera = RtspServer.withStreams(1).size(640, 360).fps(15).keyframeInterval(Duration.ofSeconds(1))
                .credentials(USER, PASSWORD).start();
    }

    @AfterAll
    static void stopCamera() {
        camera.close();
    }

    @Test
    void liveViewersAreFedByTheRecordersOwnConnection() {
        ApiClient admin = admin();
        long id = createRecordedCamera(admin);
        Await.until(GENEROUS, () -> status(admin, id).path("status").asString().equals("online"));

        String group = status(admin, id).path("cameraGroup").asString();
        String token = testAccounts().tokenScopedTo(group, "CAMERA_VIEW", "LIVE_VIEW");
        var first = LiveViewer.open(port, token, id);
        var second = LiveViewer.open(port, token, id);
        Await.until(GENEROUS, () -> first.binaryMessages() > 20 && second.binaryMessages() > 20);

        assertThat(first.texts()).as("the camera's status, then the stream's type")
                .containsSubsequence("{\"type\":\"status\",\"status\":\"online\"}")
                .anySatisfy(text -> assertThat(text).contains("\"type\":\"stream\""));
        assertThat(supervisor.statuses()).extracting(SupervisionStatus::key)
                .as("one ffmpeg for the camera: the recorder's").contains("recording-" + id)
                .noneMatch(key -> key.startsWith("live-"));
        JsonNode info = ApiClient.json(new ApiClient(port, token).get("/api/v1/cameras/" + id + "/live"));
        assertThat(info.path("recording").asBoolean()).isTrue();
        assertThat(info.path("status").asString()).isEqualTo("online");
        first.abort();
        second.abort();
        assertThat(admin.post("/api/v1/cameras/" + id + "/disable", "").statusCode()).isEqualTo(200);
    }

    @Test
    void recordsARegisteredCameraContinuouslyAndAcrossItsLoss() throws Exception {
        ApiClient admin = admin();
        long id = createRecordedCamera(admin);

        Await.until(GENEROUS, () -> status(admin, id).path("status").asString().equals("online"));
        Await.until(GENEROUS, () -> recorded(id).compareTo(RECORDED_BEFORE_LOSS) >= 0);
        Instant lost = Instant.now();
        camera.stop();
        Await.until(GENEROUS, () -> status(admin, id).path("status").asString().equals("offline"));
        assertThat(status(admin, id).path("statusProblem").asString()).isNotBlank();

        camera.restart();
        Await.until(GENEROUS, () -> !gaps.gaps(id).isEmpty() && segments.segments(id).stream()
                .anyMatch(segment -> !segment.startedAt().isBefore(gaps.gaps(id).getFirst().endedAt())));
        assertThat(status(admin, id).path("status").asString()).isEqualTo("online");
        assertThat(admin.post("/api/v1/cameras/" + id + "/disable", "").statusCode()).isEqualTo(200);
        Await.until(GENEROUS, () -> status(admin, id).path("status").asString().equals("idle"));

        RecordingGap gap = gaps.gaps(id).getFirst();
        List<RecordedSegment> recorded = segments.segments(id);
        List<RecordedSegment> beforeLoss = recorded.stream()
                .filter(segment -> segment.endedAt().isBefore(gap.endedAt())).toList();
        // The server sends its first seconds in a burst and ffmpeg hands over its last fragment when the camera is
        // lost, so the wall clock is compared between segment cuts: the database's clock at each index row against
        // the video written in between.
        List<Instant> indexedAt = jdbc.sql("""
                        SELECT created_at FROM recording_segment WHERE camera_id = ? AND ended_at < ?
                        ORDER BY started_at""")
                .param(id).param(Timestamp.from(gap.endedAt()))
                .query((row, number) -> row.getTimestamp(1).toInstant()).list();
        Duration wallTime = Duration.between(indexedAt.getFirst(), indexedAt.get(indexedAt.size() - 2));
        Duration recordedTime = beforeLoss.subList(1, beforeLoss.size() - 1).stream()
                .map(RecordedSegment::duration).reduce(Duration.ZERO, Duration::plus);
        assertThat(indexedAt).hasSameSizeAs(beforeLoss).hasSizeGreaterThanOrEqualTo(5);
        assertThat((double) recordedTime.toMillis())
                .as("video recorded (%s) against the wall time it took (%s)", recordedTime, wallTime)
                .isBetween(wallTime.toMillis() * 0.98, wallTime.toMillis() * 1.02);
        for (int i = 1; i < beforeLoss.size(); i++) {
            assertThat(beforeLoss.get(i).startedAt())
                    .isCloseTo(beforeLoss.get(i - 1).endedAt(), within(1, ChronoUnit.MILLIS));
        }
        assertThat(gap.startedAt()).isCloseTo(beforeLoss.getLast().endedAt(), within(1, ChronoUnit.MILLIS));
        assertThat(Duration.between(lost, gap.startedAt()).abs()).isLessThan(Duration.ofSeconds(4));
        assertThat(gap.reason()).isNotBlank();
        for (RecordedSegment segment : recorded) {
            assertThat(sha256(segment)).as("SHA-256 of %s", segment.path()).isEqualTo(segment.sha256());
            MediaInfo info = probe.probe(segment.path());
            assertThat(info.video()).get().extracting(MediaInfo.Stream::codec).isEqualTo("h264");
        }
    }

    @Test
    void stopsRecordingWhileTheStorageHoldsOnlyUndeletableFootageAndResumesAfter() throws Exception {
        ApiClient admin = admin();
        long id = createRecordedCamera(admin);
        Await.until(GENEROUS, () -> status(admin, id).path("status").asString().equals("online"));

        publish(new StorageExhausted(recording.storage(), "only footage under legal hold is left", Instant.now()));
        Await.until(GENEROUS, () -> status(admin, id).path("status").asString().equals("idle"));
        int segmentsWhileStopped = segments.segments(id).size();
        publish(new StorageRecovered(recording.storage(), Instant.now()));
        Await.until(GENEROUS, () -> status(admin, id).path("status").asString().equals("online"));
        Await.until(GENEROUS, () -> segments.segments(id).size() > segmentsWhileStopped);

        assertThat(admin.post("/api/v1/cameras/" + id + "/disable", "").statusCode()).isEqualTo(200);
        Await.until(GENEROUS, () -> status(admin, id).path("status").asString().equals("idle"));
        assertThat(gaps.gaps(id)).singleElement().extracting(RecordingGap::reason).isNotNull();
    }

    private void publish(Object event) {
        transaction.executeWithoutResult(ignored -> events.publishEvent(event));
    }

    private ApiClient admin() {
        return new ApiClient(port, testAccounts().tokenFor("admin"));
    }

    private TestAccounts testAccounts() {
        return new TestAccounts(jdbc, accounts, "recording");
    }

    private long createRecordedCamera(ApiClient admin) {
        HttpResponse<String> created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "%s", "username": "%s", "password": "%s", "cameraGroup": "%s",
                 "purpose": "Entrance safety", "legalBasis": "Municipal ordinance 12/2026"}"""
                .formatted(TestAccounts.unique("Gate"), camera.url(1), USER, PASSWORD, testAccounts().group()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    private Duration recorded(long cameraId) {
        return segments.segments(cameraId).stream().map(RecordedSegment::duration).reduce(Duration.ZERO, Duration::plus);
    }

    private static JsonNode status(ApiClient admin, long cameraId) {
        return ApiClient.json(admin.get("/api/v1/cameras/" + cameraId));
    }

    private static byte[] sha256(RecordedSegment segment) throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(segment.path()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
