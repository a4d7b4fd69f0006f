package org.atalaya.recording;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The database index of segment files ({@code recording_segment}). */
@Component
public class SegmentIndex {

    private final JdbcClient jdbc;

    SegmentIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Indexes a finished file; a file already indexed under the same path is left as it is. */
    public void add(RecordedSegment segment) {
        jdbc.sql("""
                        INSERT INTO recording_segment (camera_id, started_at, ended_at, duration_ms, bytes, sha256, path)
                        VALUES (:camera, :started, :ended, :duration, :bytes, :sha256, :path)
                        ON CONFLICT (path) DO NOTHING""")
                .param("camera", segment.cameraId())
                .param("started", Timestamp.from(segment.startedAt()))
                .param("ended", Timestamp.from(segment.endedAt()))
                .param("duration", segment.duration().toMillis())
                .param("bytes", segment.bytes())
                .param("sha256", segment.sha256())
                .param("path", segment.path().toString())
                .update();
    }

    public Optional<SegmentStatus> status(Path file) {
        return jdbc.sql("SELECT status FROM recording_segment WHERE path = :path")
                .param("path", key(file))
                .query((row, number) -> SegmentStatus.fromColumn(row.getString(1)))
                .optional();
    }

    /** A camera's indexed segments, oldest first. */
    public List<RecordedSegment> segments(long cameraId) {
        return jdbc.sql("""
                        SELECT camera_id, started_at, ended_at, bytes, sha256, path FROM recording_segment
                        WHERE camera_id = :camera ORDER BY started_at, id""")
                .param("camera", cameraId)
                .query((row, number) -> segment(row))
                .list();
    }

    /**
     * A camera's segments on disk that overlap {@code [from, to)}, oldest first: the first may start before
     * {@code from} and the last end after {@code to}.
     */
    public List<RecordedSegment> covering(long cameraId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT camera_id, started_at, ended_at, bytes, sha256, path FROM recording_segment
                        WHERE camera_id = :camera AND status = 'complete' AND ended_at > :from AND started_at < :to
                        ORDER BY started_at, id""")
                .param("camera", cameraId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, number) -> segment(row))
                .list();
    }

    /** The end of a camera's latest segment on disk, if it has any. */
    public Optional<Instant> latestEnd(long cameraId) {
        return jdbc.sql("SELECT max(ended_at) FROM recording_segment WHERE camera_id = :camera AND status = 'complete'")
                .param("camera", cameraId)
                .query((row, number) -> row.getTimestamp(1))
                .optional()
                .filter(java.util.Objects::nonNull)
                .map(Timestamp::toInstant);
    }

    /** The files under {@code storage} that the index believes are on disk. */
    public List<Path> completeFilesUnder(Path storage) {
        return filesUnder(storage, "status = 'complete' AND ");
    }

    /** Every file under {@code storage} that has an index row, whatever its status. */
    public Set<Path> indexedFilesUnder(Path storage) {
        return Set.copyOf(filesUnder(storage, ""));
    }

    private List<Path> filesUnder(Path storage, String condition) {
        return jdbc.sql("SELECT path FROM recording_segment WHERE " + condition + "starts_with(path, :prefix)")
                .param("prefix", key(storage) + "/")
                .query((row, number) -> Path.of(row.getString(1)))
                .list();
    }

    /** Marks an indexed file as gone from disk; returns whether a row changed. */
    public boolean markMissing(Path file) {
        return jdbc.sql("UPDATE recording_segment SET status = 'missing' WHERE path = :path AND status = 'complete'")
                .param("path", key(file))
                .update() > 0;
    }

    private static RecordedSegment segment(ResultSet row) throws SQLException {
        return new RecordedSegment(row.getLong("camera_id"), row.getTimestamp("started_at").toInstant(),
                row.getTimestamp("ended_at").toInstant(), row.getLong("bytes"), row.getBytes("sha256"),
                Path.of(row.getString("path")));
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}
