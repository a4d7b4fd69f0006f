package org.atalaya.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.atalaya.camera.CameraProperties;
import org.atalaya.camera.GrayFrame;
import org.atalaya.identity.UserAccounts;
import org.atalaya.media.ProcessSupervisor;
import org.atalaya.media.SupervisionStatus;
import org.atalaya.recording.CameraRecorder;
import org.atalaya.test.ApiClient;
import org.atalaya.test.Await;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.RtspServer;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An analysed camera that is not recorded (the test profile records nothing) gets an analytics-only connection whose
 * frames reach the analysis, and loses it when it is no longer analysed.
 */
@AtalayaTest
class AnalysedCamerasTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static RtspServer server;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    LatestFrames latest;
    @Autowired
    ProcessSupervisor supervisor;
    @Autowired
    CameraRecorder recorder;
    @Autowired
    CameraProperties cameraProperties;

    @BeforeAll
    static void startCamera() {
        server = RtspServer.withStreams(1).size(640, 360).fps(10).start();
    }

    @AfterAll
    static void stopCamera() {
        server.close();
    }

    private List<Path> fifos(long cameraId) {
        try (Stream<Path> files = Files.list(Path.of(cameraProperties.runDirectory()))) {
            return files.filter(file -> file.getFileName().toString()
                    .startsWith("frames-" + AnalysedCameras.key(cameraId) + "-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAnalysedCameraThatIsNotRecordedIsAnalysedOverAConnectionOfItsOwnUntilAnalysisIsTurnedOff() {
        var fixtures = new TestAccounts(jdbc, accounts, "analysed");
        var admin = new ApiClient(port, fixtures.tokenFor("admin"));
        var created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "%s", "cameraGroup": "%s", "analytics": true}"""
                .formatted(TestAccounts.unique("analysed"), server.url(1), fixtures.group()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ApiClient.json(created).path("id").asLong();
        String key = AnalysedCameras.key(id);

        Await.until(PATIENCE, () -> latest.latest(id).isPresent());
        GrayFrame first = latest.latest(id).orElseThrow();
        Await.until(PATIENCE, () -> latest.latest(id).orElseThrow().at().isAfter(first.at()));

        assertThat(first.width()).isEqualTo(320);
        assertThat(first.height()).isEqualTo(180);
        assertThat(recorder.isRecording(id)).isFalse();
        assertThat(supervisor.status(key)).hasValueSatisfying(status ->
                assertThat(status.state()).isEqualTo(SupervisionStatus.State.RUNNING));
        assertThat(fifos(id)).hasSize(1);

        var off = admin.patch("/api/v1/cameras/" + id, "{\"analytics\": false}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);

        Await.until(PATIENCE, () -> supervisor.status(key).isEmpty());
        // the run's reader deletes it as the stopped process's output ends
        Await.until(PATIENCE, () -> fifos(id).isEmpty());
        // a frame handed over as the connection stopped may land after it; the next check forgets it
        Await.until(PATIENCE, () -> latest.latest(id).isEmpty());
    }
}
