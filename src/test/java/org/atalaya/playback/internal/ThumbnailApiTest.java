package org.atalaya.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.atalaya.identity.UserAccounts;
import org.atalaya.media.FfmpegBinaries;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.ProcessLauncher;
import org.atalaya.playback.PlaybackProperties;
import org.atalaya.playback.internal.PlaybackFixtures.RecordedCamera;
import org.atalaya.recording.GapIndex;
import org.atalaya.recording.RecordedSegment;
import org.atalaya.recording.RecordingProperties;
import org.atalaya.recording.SegmentIndex;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.TestAccounts.Grant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** Timeline thumbnails: a small JPEG of the keyframe, made once and kept, refused like playback, audited per hour. */
@AtalayaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThumbnailApiTest {

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
    Thumbnails thumbnails;
    @Autowired
    FfmpegBinaries binaries;
    @Autowired
    ProcessLauncher launcher;
    @Autowired
    MediaProperties media;

    @TempDir
    static Path storage;

    private final HttpClient http = HttpClient.newHttpClient();
    private PlaybackFixtures fixtures;
    private RecordedCamera camera;
    private String viewer;

    @BeforeAll
    void record() {
        fixtures = new PlaybackFixtures(jdbc, accounts, segments, gaps, port);
        // 20 s before a full hour: the first two seconds of the recording and the rest are in different hours
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2)).minusSeconds(20);
        camera = fixtures.recordedCamera(storage, start);
        viewer = fixtures.tokenScopedTo(camera.group(), "CAMERA_VIEW", "PLAYBACK_VIEW");
    }

    @Test
    void aSmallJpegOfTheKeyframeAtOrBeforeTheInstantIsMadeOnceAndKept() throws IOException {
        HttpResponse<byte[]> first = fetch(viewer, thumbnail(camera.at(12).plusMillis(400), "Check", null));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
        assertThat(first.headers().firstValue(PlaybackApiController.KEYFRAME)).contains(camera.at(12).toString());
        byte[] jpeg = first.body();
        assertThat(jpeg).startsWith(0xFF, 0xD8, 0xFF).endsWith(0xFF, 0xD9);
        assertThat(jpeg.length).isBetween(500, 40_000);

        Path cached = pictureOf(camera.id(), camera.at(12));
        assertThat(cached).exists().hasBinaryContent(jpeg);
        FileTime longAgo = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(cached, longAgo);

        HttpResponse<byte[]> again = fetch(viewer, thumbnail(camera.at(12).plusMillis(900), "Check", null));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(jpeg);
        assertThat(Files.getLastModifiedTime(cached)).as("served from the cache, not made again").isEqualTo(longAgo);
    }

    @Test
    void refusedWithoutAReasonWithoutPlaybackAndForCamerasTheUserMayNotSee() {
        String noPlayback = fixtures.tokenScopedTo(camera.group(), "CAMERA_VIEW", "LIVE_VIEW");
        String otherGroup = fixtures.tokenScopedTo(fixtures.group(), "CAMERA_VIEW", "PLAYBACK_VIEW");

        HttpResponse<byte[]> noReason = fetch(viewer, thumbnail(camera.at(5), " ", null));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(new String(noReason.body(), StandardCharsets.UTF_8)).contains(PlaybackProblem.REASON_REQUIRED);
        assertThat(fetch(noPlayback, thumbnail(camera.at(5), "Check", null)).statusCode()).isEqualTo(403);
        assertThat(fetch(otherGroup, thumbnail(camera.at(5), "Check", null)).statusCode()).isEqualTo(404);
        assertThat(fetch(viewer, thumbnail(camera.at(35), "Check", null)).statusCode())
                .as("nothing was recorded then").isEqualTo(404);
    }

    @Test
    void lookingAtThumbnailsIsAuditedOncePerRecordedHourAndCase() {
        String reason = PlaybackFixtures.unique("Looking for the van");
        for (Instant at : List.of(camera.at(1), camera.at(2), camera.at(5), camera.at(25), camera.at(45))) {
            assertThat(fetch(viewer, thumbnail(at, reason, "CASE-9")).statusCode()).isEqualTo(200);
        }
        assertThat(fetch(viewer, thumbnail(camera.at(26), reason, "CASE-10")).statusCode()).isEqualTo(200);

        Instant firstHour = camera.at(0).truncatedTo(ChronoUnit.HOURS);
        assertThat(jdbc.sql("""
                        SELECT action, case_number, details ->> 'from' FROM audit_entry WHERE reason = ?
                        ORDER BY seq""")
                .param(reason).query((row, number) -> row.getString(1) + " " + row.getString(2) + " "
                        + row.getString(3)).list())
                .containsExactly(
                        ThumbnailAudit.ACTION + " CASE-9 " + firstHour,
                        ThumbnailAudit.ACTION + " CASE-9 " + firstHour.plus(Duration.ofHours(1)),
                        ThumbnailAudit.ACTION + " CASE-10 " + firstHour.plus(Duration.ofHours(1)));
    }

    @Test
    void theSweepRemovesThePicturesOfADeletedSegmentFile(@TempDir Path ownStorage) throws IOException {
        RecordedCamera deleted = fixtures.recordedCamera(ownStorage, camera.start());
        String token = fixtures.tokenScopedTo(deleted.group(), "CAMERA_VIEW", "PLAYBACK_VIEW");
        assertThat(fetch(token, thumbnailOf(deleted, deleted.at(3), "Check")).statusCode()).isEqualTo(200);
        assertThat(fetch(token, thumbnailOf(deleted, deleted.at(14), "Check")).statusCode()).isEqualTo(200);
        Path kept = pictureOf(deleted.id(), deleted.at(14));
        Path gone = pictureOf(deleted.id(), deleted.at(3));
        Files.delete(segments.covering(deleted.id(), deleted.at(3), deleted.at(4)).getFirst().path());

        Thumbnails.Sweep sweep = thumbnails.sweep();

        assertThat(sweep.ofDeletedSegments()).isGreaterThanOrEqualTo(1);
        assertThat(gone).doesNotExist();
        assertThat(gone.getParent()).doesNotExist();
        assertThat(kept).exists();
    }

    @Test
    void theSweepDeletesTheOldestPicturesAboveTheLimit(@TempDir Path cache) throws IOException {
        RecordedSegment segment = segments.covering(camera.id(), camera.at(0), camera.at(1)).getFirst();
        Thumbnails small = thumbnailsIn(cache, DataSize.ofBytes(1));
        Path oldest = small.of(segment, camera.at(2)).file();
        Files.setLastModifiedTime(oldest, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Path newest = small.of(segment, camera.at(6)).file();
        Thumbnails limited = thumbnailsIn(cache, DataSize.ofBytes(Files.size(newest)));

        Thumbnails.Sweep sweep = limited.sweep();

        assertThat(sweep.forSize()).isEqualTo(1);
        assertThat(oldest).doesNotExist();
        assertThat(newest).exists();
    }

    private Thumbnails thumbnailsIn(Path cache, DataSize limit) {
        PlaybackProperties properties = new PlaybackProperties(null, null, null, null, null,
                new PlaybackProperties.Thumbnails(cache.toString(), limit, null, null, null));
        return new Thumbnails(properties, new RecordingProperties(storage.toString(), 10, null, true), binaries,
                launcher, media);
    }

    /** The cached picture of a keyframe, in the cache folder whose segment file is the one recorded at that time. */
    private Path pictureOf(long cameraId, Instant keyframe) throws IOException {
        String segment = segments.covering(cameraId, keyframe, keyframe.plusMillis(1)).getLast().path().toString();
        try (Stream<Path> folders = Files.list(thumbnails.folder().resolve(Long.toString(cameraId)))) {
            for (Path folder : folders.toList()) {
                Path source = folder.resolve("source.txt");
                if (Files.isRegularFile(source) && Files.readString(source).equals(segment)) {
                    return folder.resolve(keyframe.toEpochMilli() + ".jpg");
                }
            }
        }
        throw new AssertionError("no cache folder for the segment file " + segment);
    }

    private String thumbnail(Instant at, String reason, String caseNumber) {
        return "/api/v1/cameras/" + camera.id() + "/thumbnail.jpg?at=" + at + "&reason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8) + (caseNumber == null ? "" : "&case=" + caseNumber);
    }

    private static String thumbnailOf(RecordedCamera recorded, Instant at, String reason) {
        return "/api/v1/cameras/" + recorded.id() + "/thumbnail.jpg?at=" + at + "&reason=" + reason;
    }

    private HttpResponse<byte[]> fetch(String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
