package org.atalaya.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.atalaya.identity.UserAccounts;
import org.atalaya.playback.internal.PlaybackFixtures.RecordedCamera;
import org.atalaya.recording.GapIndex;
import org.atalaya.recording.SegmentIndex;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Ffmpeg;
import org.atalaya.test.TestAccounts.Grant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** One camera is recorded for the whole class; a test that damages a recording makes its own camera. */
@AtalayaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaybackApiTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);
    /** Two frames at the test picture's 15 frames per second. */
    private static final double TWO_FRAMES = 2.0 / 15;

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

    @TempDir
    static Path storage;
    @TempDir
    Path received;

    private final HttpClient http = HttpClient.newHttpClient();
    private PlaybackFixtures fixtures;
    private RecordedCamera camera;
    private String viewer;

    @BeforeAll
    void record() {
        fixtures = new PlaybackFixtures(jdbc, accounts, segments, gaps, port);
        camera = fixtures.recordedCamera(storage, tenMinutesAgo());
        viewer = fixtures.tokenScopedTo(camera.group(), "CAMERA_VIEW", "PLAYBACK_VIEW");
    }

    private static Instant tenMinutesAgo() {
        return Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void listsTheSegmentsAndTheGapsOfARange() {
        HttpResponse<String> response = new ApiClient(port, viewer).get(recordings(camera.at(-5), camera.at(60)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = ApiClient.json(response);
        assertThat(body.path("cameraName").asString()).isEqualTo(camera.name());
        List<JsonNode> listed = body.path("segments").valueStream().toList();
        assertThat(listed).extracting(segment -> Instant.parse(segment.path("start").asString()))
                .containsExactly(camera.at(0), camera.at(10), camera.at(20), camera.at(40));
        assertThat(listed).allSatisfy(segment -> {
            assertThat(segment.path("durationMs").asLong()).isEqualTo(10_000);
            assertThat(segment.path("bytes").asLong()).isPositive();
            assertThat(segment.path("sha256").asString()).matches("[0-9a-f]{64}");
        });
        assertThat(body.path("gaps").valueStream().map(gap -> List.of(Instant.parse(gap.path("start").asString()),
                Instant.parse(gap.path("end").asString()), gap.path("reason").asString())).toList())
                .containsExactly(
                        List.of(camera.at(-5), camera.at(0), RecordingTimeline.NOT_RECORDED),
                        List.of(camera.at(30), camera.at(40), PlaybackFixtures.GAP_REASON),
                        List.of(camera.at(50), camera.at(60), RecordingTimeline.NOT_RECORDED));
    }

    @Test
    void refusesMalformedAndOverlongRangesWithASentence() {
        ApiClient client = new ApiClient(port, viewer);
        HttpResponse<String> malformed = client.get("/api/v1/cameras/" + camera.id()
                + "/recordings?from=yesterday&to=" + camera.at(0));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(malformed).path("detail").asString())
                .isEqualTo("Parameter 'from' must be a date and time in ISO-8601 form with its offset, "
                        + "e.g. 2026-01-31T14:00:00Z, not 'yesterday'.");

        HttpResponse<String> tooLong = client.get(recordings(camera.at(0), camera.at(0).plus(Duration.ofDays(8))));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(tooLong).path("detail").asString()).isEqualTo("The time range may be at most 7 days long.");

        HttpResponse<String> backwards = client.get(recordings(camera.at(10), camera.at(0)));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(backwards).path("detail").asString()).contains("must come after its start");
    }

    @Test
    void streamsFromTheKeyframeAtOrBeforeTheInstantThroughFollowingSegments() throws IOException {
        Path video = save(fetch(viewer, video("playback.mp4", camera.at(12).plusMillis(500), camera.at(30), "Robbery report")));

        assertThat(firstFrameIsKeyframe(video)).isTrue();
        assertThat(duration(video)).isCloseTo(18.0, within(TWO_FRAMES));
        assertThat(frameCount(video)).isEqualTo(18 * 15);
        assertThat(decodeErrors(video)).isEmpty();
    }

    @Test
    void theStreamSaysWhereItStartsAndWhatCodecItCarries() throws IOException {
        HttpResponse<InputStream> response = fetch(viewer, video("playback.mp4", camera.at(12).plusMillis(500),
                camera.at(14), "Robbery report"));
        try (InputStream body = response.body()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(PlaybackApiController.STREAM_START))
                .as("the keyframe at or before the instant asked for").contains(camera.at(12).toString());
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .matches("video/mp4; ?codecs=\"avc1\\.[0-9a-fA-F]{6}\"");
    }

    @Test
    void aStreamAcrossARecordingGapKeepsTheWallClockTimeline() throws IOException {
        Path video = save(fetch(viewer, video("playback.mp4", camera.at(25), camera.at(45), "Robbery report")));

        assertThat(firstFrameIsKeyframe(video)).isTrue();
        assertThat(frameCount(video)).as("5 s before the gap and 5 s after it").isEqualTo(10 * 15);
        assertThat(duration(video)).as("the gap is a jump in time").isCloseTo(20.0, within(TWO_FRAMES));
        assertThat(decodeErrors(video)).isEmpty();
    }

    @Test
    void aClipIsAPlainMp4OfTheRangeFromTheKeyframeBeforeItsStart() throws IOException {
        HttpResponse<InputStream> response = fetch(viewer,
                video("clip.mp4", camera.at(12).plusMillis(500), camera.at(22).plusMillis(500), "Robbery report"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("camera-" + camera.id());
        Path clip = save(response);
        assertThat(firstFrameIsKeyframe(clip)).isTrue();
        assertThat(duration(clip)).as("from the keyframe at 12 s to 22.5 s").isCloseTo(10.5, within(TWO_FRAMES));
        assertThat(decodeErrors(clip)).isEmpty();
        String boxes = new String(Files.readAllBytes(clip), 0, 4096, StandardCharsets.ISO_8859_1);
        assertThat(boxes).as("the index comes first").contains("moov").doesNotContain("moof");
    }

    @Test
    void everyViewOfRecordedVideoIsAuditedWithReasonAndCaseBeforeTheFirstByte() throws IOException {
        String reason = PlaybackFixtures.unique("Witness statement check");
        HttpResponse<InputStream> response = fetch(viewer,
                video("playback.mp4", camera.at(1), camera.at(3), reason) + "&case=CASE-2026-0042");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> entry = jdbc.sql("""
                        SELECT action, outcome, target, case_number, details ->> 'from' AS from_time,
                               details ->> 'to' AS to_time FROM audit_entry WHERE reason = ?""")
                .param(reason).query().singleRow();
        try (InputStream body = response.body()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(entry).containsEntry("action", "recording.playback").containsEntry("outcome", "SUCCESS")
                .containsEntry("target", "camera:" + camera.id() + " " + camera.name())
                .containsEntry("case_number", "CASE-2026-0042")
                .containsEntry("from_time", camera.at(1).toString()).containsEntry("to_time", camera.at(3).toString());

        String clipReason = PlaybackFixtures.unique("Court request");
        assertThat(fetch(viewer, video("clip.mp4", camera.at(1), camera.at(3), clipReason)).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE reason = ?").param(clipReason).query(String.class)
                .list()).containsExactly("recording.clip");
    }

    @Test
    void aReasonIsRequired() throws IOException {
        for (String path : List.of(video("playback.mp4", camera.at(1), camera.at(3), "  "),
                "/api/v1/cameras/" + camera.id() + "/clip.mp4?from=" + camera.at(1) + "&to=" + camera.at(3))) {
            HttpResponse<InputStream> response = fetch(viewer, path);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("A reason is required to view recorded video.");
        }
    }

    @Test
    void whoMayNotPlayBackIsRefusedAndWhoMayNotSeeTheCameraDoesNotFindIt() throws IOException {
        String noPlaybackAnywhere = fixtures.tokenScopedTo(camera.group(), "CAMERA_VIEW", "LIVE_VIEW");
        String otherGroup = fixtures.tokenScopedTo(fixtures.group(), "CAMERA_VIEW", "PLAYBACK_VIEW");
        String elsewhere = fixtures.group();
        String viewOnly = fixtures.tokenWith(List.of(new Grant("CAMERA_VIEW", camera.group()),
                new Grant("CAMERA_VIEW", elsewhere), new Grant("PLAYBACK_VIEW", elsewhere)));
        String reason = PlaybackFixtures.unique("Curiosity");

        for (String file : List.of("playback.mp4", "clip.mp4")) {
            assertThat(fetch(otherGroup, video(file, camera.at(1), camera.at(3), reason)).statusCode()).isEqualTo(404);
        }
        assertThat(fetch(otherGroup, recordings(camera.at(0), camera.at(10))).statusCode()).isEqualTo(404);
        assertThat(fetch(noPlaybackAnywhere, video("playback.mp4", camera.at(1), camera.at(3), reason)).statusCode())
                .isEqualTo(403);
        HttpResponse<InputStream> refused = fetch(viewOnly, video("playback.mp4", camera.at(1), camera.at(3), reason));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body().readAllBytes(), StandardCharsets.UTF_8))
                .contains("You may see this camera but not its recorded video.");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'recording.playback' AND outcome = 'DENIED'"
                + " AND target = ?").param("camera:" + camera.id() + " " + camera.name()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE reason = ?").param(reason).query(Long.class)
                .single()).as("nothing was viewed").isZero();
    }

    @Test
    void aRangeWithoutRecordingIsNotFoundAndAClipIsAtMostAnHour() throws IOException {
        HttpResponse<InputStream> nothing = fetch(viewer, video("playback.mp4", camera.at(31), camera.at(39), "Check"));
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(new String(nothing.body().readAllBytes(), StandardCharsets.UTF_8))
                .contains("The camera recorded nothing in that time range.");

        HttpResponse<InputStream> tooLong = fetch(viewer,
                video("clip.mp4", camera.at(0), camera.at(0).plus(Duration.ofMinutes(61)), "Check"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(new String(tooLong.body().readAllBytes(), StandardCharsets.UTF_8))
                .contains("The time range may be at most 1 hour long.");
    }

    @Test
    void aRecordingThatCannotBeReadIsReportedBeforeAnyVideoIsSent(@TempDir Path ownStorage) throws IOException {
        RecordedCamera damaged = fixtures.recordedCamera(ownStorage, tenMinutesAgo());
        Files.delete(segments.covering(damaged.id(), damaged.at(0), damaged.at(1)).getFirst().path());
        String token = fixtures.tokenScopedTo(damaged.group(), "CAMERA_VIEW", "PLAYBACK_VIEW");
        String reason = PlaybackFixtures.unique("Check");

        HttpResponse<InputStream> response = fetch(token, "/api/v1/cameras/" + damaged.id() + "/playback.mp4?from="
                + damaged.at(2) + "&to=" + damaged.at(4) + "&reason=" + reason);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
                .contains("The recording of that time cannot be read from storage.");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE reason = ?").param(reason).query(Long.class)
                .single()).as("nothing was viewed").isZero();
    }

    private String recordings(Instant from, Instant to) {
        return "/api/v1/cameras/" + camera.id() + "/recordings?from=" + from + "&to=" + to;
    }

    private String video(String file, Instant from, Instant to, String reason) {
        return "/api/v1/cameras/" + camera.id() + "/" + file + "?from=" + from + "&to=" + to + "&reason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8);
    }

    private HttpResponse<InputStream> fetch(String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path save(HttpResponse<InputStream> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("video/mp4");
        Path file = Files.createTempFile(received, "received-", ".mp4");
        try (InputStream body = response.body()) {
            Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static boolean firstFrameIsKeyframe(Path video) {
        Ffmpeg.Result result = Ffmpeg.probe(GENEROUS, List.of("-v", "error", "-select_streams", "v:0",
                "-read_intervals", "%+#1", "-show_entries", "frame=key_frame", "-of", "csv=p=0", video.toString()));
        assertThat(result.succeeded()).as(result.errors()).isTrue();
        return result.output().strip().startsWith("1");
    }

    private static double duration(Path video) {
        Ffmpeg.Result result = Ffmpeg.probe(GENEROUS, List.of("-v", "error", "-show_entries", "format=duration",
                "-of", "csv=p=0", video.toString()));
        assertThat(result.succeeded()).as(result.errors()).isTrue();
        return Double.parseDouble(result.output().strip());
    }

    private static int frameCount(Path video) {
        Ffmpeg.Result result = Ffmpeg.probe(GENEROUS, List.of("-v", "error", "-select_streams", "v:0", "-count_packets",
                "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", video.toString()));
        assertThat(result.succeeded()).as(result.errors()).isTrue();
        return Integer.parseInt(result.output().strip());
    }

    private static String decodeErrors(Path video) {
        Ffmpeg.Result result = Ffmpeg.run(GENEROUS, List.of("-v", "error", "-i", video.toString(), "-f", "null", "-"));
        assertThat(result.exitCode()).isZero();
        return result.errors().strip();
    }
}
