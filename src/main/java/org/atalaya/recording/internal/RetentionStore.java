package org.atalaya.recording.internal;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queries retention needs on the segment index: segments that no active legal hold covers, oldest first, and
 * their removal. A hold covers a segment when their time ranges touch or overlap.
 */
@Component
class RetentionStore {

    private static final String SEGMENT_COLUMNS = "s.id, s.camera_id, s.started_at, s.ended_at, s.bytes, s.sha256, "
            + "s.path, s.status";
    private static final String NOT_HELD = """
            NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.camera_id = s.camera_id AND h.released_at IS NULL
                        AND h.starts_at <= s.ended_at AND h.ends_at >= s.started_at)""";

    private final JdbcClient jdbc;

    RetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Segments of the camera under the storage folder that ended before {@code cutoff}, oldest first. */
    List<RetentionCandidate> expired(Path storage, long cameraId, Instant cutoff, RetentionCandidate.Cursor after,
                                     int limit) {
        return jdbc.sql("SELECT " + SEGMENT_COLUMNS + " FROM recording_segment s "
                        + "WHERE s.camera_id = :camera AND s.ended_at < :cutoff AND starts_with(s.path, :prefix) "
                        + "AND (s.started_at, s.id) > (:afterStart, :afterId) AND " + NOT_HELD
                        + " ORDER BY s.started_at, s.id LIMIT :limit")
                .param("camera", cameraId)
                .param("cutoff", Timestamp.from(cutoff))
                .param("prefix", prefix(storage))
                .param("afterStart", Timestamp.from(after.startedAt()))
                .param("afterId", after.id())
                .param("limit", limit)
                .query((row, number) -> candidate(row))
                .list();
    }

    /** Segment files under the storage folder, of any camera, that are on disk and not held, oldest first. */
    List<RetentionCandidate> oldestOnDisk(Path storage, RetentionCandidate.Cursor after, int limit) {
        return jdbc.sql("SELECT " + SEGMENT_COLUMNS + " FROM recording_segment s "
                        + "WHERE s.status = 'complete' AND starts_with(s.path, :prefix) "
                        + "AND (s.started_at, s.id) > (:afterStart, :afterId) AND " + NOT_HELD
                        + " ORDER BY s.started_at, s.id LIMIT :limit")
                .param("prefix", prefix(storage))
                .param("afterStart", Timestamp.from(after.startedAt()))
                .param("afterId", after.id())
                .param("limit", limit)
                .query((row, number) -> candidate(row))
                .list();
    }

    /** What the segment files under the storage folder take together, as the index knows it. */
    long indexedBytes(Path storage) {
        return jdbc.sql("SELECT coalesce(sum(bytes), 0) FROM recording_segment "
                        + "WHERE status = 'complete' AND starts_with(path, :prefix)")
                .param("prefix", prefix(storage))
                .query(Long.class)
                .single();
    }

    /** Those of the segments that an active legal hold covers now. */
    Set<Long> heldAmong(Collection<Long> segmentIds) {
        if (segmentIds.isEmpty()) return Set.of();
        return Set.copyOf(jdbc.sql("SELECT s.id FROM recording_segment s WHERE s.id IN (:ids) AND NOT " + NOT_HELD)
                .param("ids", List.copyOf(segmentIds))
                .query(Long.class)
                .list());
    }

    void delete(Collection<Long> segmentIds) {
        if (segmentIds.isEmpty()) return;
        jdbc.sql("DELETE FROM recording_segment WHERE id IN (:ids)").param("ids", List.copyOf(segmentIds)).update();
    }

    private static RetentionCandidate candidate(ResultSet row) throws SQLException {
        return new RetentionCandidate(row.getLong("id"), row.getLong("camera_id"),
                row.getTimestamp("started_at").toInstant(), row.getTimestamp("ended_at").toInstant(),
                row.getLong("bytes"), row.getBytes("sha256"), Path.of(row.getString("path")),
                "complete".equals(row.getString("status")));
    }

    private static String prefix(Path storage) {
        return storage.toAbsolutePath().normalize() + "/";
    }
}
