package org.atalaya.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.atalaya.identity.UserAccounts;
import org.atalaya.recording.GapIndex;
import org.atalaya.recording.RecordingGap;
import org.atalaya.recording.RecordingStreams;
import org.atalaya.recording.SegmentIndex;
import org.atalaya.recording.SegmentWriter;
import org.atalaya.test.ApiClient;
import org.atalaya.test.MovableClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cameras with real recordings for playback tests: ffmpeg's test picture (640x360, 15 fps, a keyframe a second, its
 * clock drawn in the picture) written by the recorder's own {@link SegmentWriter} into 10-second segment files,
 * with times set by a clock the test holds. Every camera, group and user has a name no other test uses.
 */
final class PlaybackFixtures {

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

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final SegmentIndex segments;
    private final GapIndex gaps;
    private final ApiClient admin;

    PlaybackFixtures(JdbcClient jdbc, UserAccounts accounts, SegmentIndex segments, GapIndex gaps, int port) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.segments = segments;
        this.gaps = gaps;
        this.admin = new ApiClient(port, tokenWithRoles("admin"));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
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

    String group() {
        String name = unique("playback-group");
        jdbc.sql("INSERT INTO camera_groups (name, created_at) VALUES (?, ?)").param(name)
                .param(Timestamp.from(Instant.now())).update();
        return name;
    }

    /** A user holding built-in roles, and their API token. */
    String tokenWithRoles(String... roles) {
        String username = unique("playback-user");
        accounts.create(username, "Playback user", "playback-test-password", Set.of(roles));
        return accounts.issueToken(username, "playback tests");
    }

    /** A user whose own role grants the permissions for cameras of the group only, and their API token. */
    String tokenScopedTo(String group, String... permissions) {
        return tokenWith(Map.of(group, List.of(permissions)));
    }

    /** A user whose own role grants permissions for cameras of some groups, and their API token. */
    String tokenWith(Map<String, List<String>> permissionsByGroup) {
        return accounts.issueToken(userWith("playback-test-password", permissionsByGroup), "playback tests");
    }

    /** A user whose own role grants permissions for cameras of some groups; returns the user name. */
    String userWith(String password, Map<String, List<String>> permissionsByGroup) {
        String role = unique("playback-role").toLowerCase();
        long roleId = jdbc.sql("INSERT INTO roles (name) VALUES (?) RETURNING id").param(role)
                .query(Long.class).single();
        permissionsByGroup.forEach((group, permissions) -> permissions.forEach(permission -> jdbc.sql("""
                        INSERT INTO role_grants (role_id, permission, camera_group_id)
                        SELECT ?, ?, id FROM camera_groups WHERE name = ?""")
                .param(roleId).param(permission).param(group).update()));
        String username = unique("playback-user");
        accounts.create(username, "Playback user", password, Set.of(role));
        return username;
    }

    /** 30 s of the test picture as the recorder receives it from ffmpeg, made once per run. */
    static RecordingStreams.Stream stream() {
        return RecordingStreams.of("640x360", RUN_SECONDS);
    }
}
