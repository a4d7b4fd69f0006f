package org.atalaya.recording;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The database record of the gaps in each camera's recording ({@code recording_gap}). */
@Component
public class GapIndex {

    private final JdbcClient jdbc;

    GapIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(RecordingGap gap) {
        jdbc.sql("""
                        INSERT INTO recording_gap (camera_id, started_at, ended_at, reason)
                        VALUES (:camera, :started, :ended, :reason)""")
                .param("camera", gap.cameraId())
                .param("started", Timestamp.from(gap.startedAt()))
                .param("ended", Timestamp.from(gap.endedAt()))
                .param("reason", gap.reason())
                .update();
    }

    /** A camera's gaps, oldest first. */
    public List<RecordingGap> gaps(long cameraId) {
        return jdbc.sql("""
                        SELECT started_at, ended_at, reason FROM recording_gap
                        WHERE camera_id = :camera ORDER BY started_at""")
                .param("camera", cameraId)
                .query((row, number) -> new RecordingGap(cameraId, row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("ended_at").toInstant(), row.getString("reason")))
                .list();
    }

    /** A camera's gaps that overlap {@code [from, to)}, oldest first, with their full extent. */
    public List<RecordingGap> overlapping(long cameraId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT started_at, ended_at, reason FROM recording_gap
                        WHERE camera_id = :camera AND ended_at > :from AND started_at < :to ORDER BY started_at""")
                .param("camera", cameraId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, number) -> new RecordingGap(cameraId, row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("ended_at").toInstant(), row.getString("reason")))
                .list();
    }
}
