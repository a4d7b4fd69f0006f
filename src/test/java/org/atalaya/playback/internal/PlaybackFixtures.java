package org.atalaya.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.atalaya.identity.UserAccounts;
import org.atalaya.recording.GapIndex;
import org.atalaya.recording.RecordingGap;
import org.atalaya.recording.RecordingStreams;
import org.atalaya.recording.SegmentIndex;
import org.atalaya.recording.SegmentWriter;
import org.atalaya.test.ApiClient;
import org.atalaya.test.MovableClock;
import org.atalaya.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cameras with real recordings for playback tests: ffmpeg's test picture (640x360, 15 fps, a keyframe a second, its
 * clock drawn in the picture) written by the recorder's own {@link SegmentWriter} into 10-second segment files,
 * with times set by a clock the test holds. Every camera, group and user has a name no other test uses.
 */
final class PlaybackFixtures extends TestAccounts {

    static final int RUN_SECONDS = 30;
    static final Duration SEGMENT = Duration.ofSeconds(10);
    static final String GAP_REASON = "camera unreachable: connection refused";

    /**
     * A camera recorded from {@code start} for 30 s (three segments), not at all for the next 10 s (a gap the
     * recorder wrote down), then again for 10 s by a new run of the recorder (one segment).
     */
    record RecordedCamera(long id, String name, String group, Instant start) {

        Instant at(int seconds) {
            return start.plusSeconds(seconds);
        }
    }

    private final SegmentIndex segments;
    private final GapIndex gaps;
    private final ApiClient admin;

    PlaybackFixtures(JdbcClient jdbc, UserAccounts accounts, SegmentIndex segments, GapIndex gaps, int port) {
        super(jdbc, accounts, "playback");
        this.segments = segments;
        this.gaps = gaps;
        this.admin = new ApiClient(port, tokenFor("admin"));
    }

    RecordedCamera recordedCamera(Path storage, Instant start) {
        String group = group();
        String name = unique("Plaza");
        HttpResponse<String> created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.10:554/stream1", "cameraGroup": "%s"}"""
                .formatted(name, group));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ApiClient.json(created).path("id").asLong();
        MovableClock clock = new MovableClock(start);
        RecordingStreams.Stream recorded = stream();
        try (SegmentWriter writer = new SegmentWriter(id, storage, SEGMENT, Duration.ofSeconds(1), clock, segments)) {
            writer.start(recorded.init());
            recorded.fragments().forEach(writer::write);
            clock.set(start.plusSeconds(RUN_SECONDS + 10));
            writer.start(recorded.init());
            recorded.fragments().stream().filter(fragment -> fragment.start().compareTo(SEGMENT) < 0)
                    .forEach(writer::write);
        }
        gaps.add(new RecordingGap(id, start.plusSeconds(RUN_SECONDS), start.plusSeconds(RUN_SECONDS + 10),
                GAP_REASON));
        return new RecordedCamera(id, name, group, start);
    }

    /** 30 s of the test picture as the recorder receives it from ffmpeg, made once per run. */
    static RecordingStreams.Stream stream() {
        return RecordingStreams.of("640x360", RUN_SECONDS);
    }
}
