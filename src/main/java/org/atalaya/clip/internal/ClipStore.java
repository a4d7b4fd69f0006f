package org.atalaya.clip.internal;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.atalaya.clip.EventClip;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code event_clip} table: each clip's state and, once written, its file. */
@Component
class ClipStore {

    private static final String COLUMNS =
            "id, camera_id, event_ref, from_at, to_at, state, problem, path, bytes, created_at";

    /**
     * A clip as stored.
     *
     * @param file  the clip's file once it is READY; null otherwise
     * @param bytes the file's size once it is READY; 0 otherwise
     */
    record StoredClip(EventClip clip, Path file, long bytes, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    ClipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new PENDING clip covering {@code from} to {@code to} as asked for. */
    EventClip insertPending(long cameraId, String eventRef, Instant requestedAt, Instant from, Instant to) {
        long id = jdbc.sql("""
                        INSERT INTO event_clip (camera_id, event_ref, requested_at, from_at, to_at, state, created_at)
                        VALUES (:camera, :event, :requested, :from, :to, 'PENDING', :requested) RETURNING id""")
                .param("camera", cameraId)
                .param("event", eventRef)
                .param("requested", Timestamp.from(requestedAt))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Long.class)
                .single();
        return new EventClip(id, cameraId, eventRef, from, to, EventClip.State.PENDING, null);
    }

    void markReady(long clipId, Instant from, Instant to, Path file, long bytes, byte[] sha256) {
        jdbc.sql("""
                        UPDATE event_clip SET state = 'READY', from_at = :from, to_at = :to, path = :path,
                               bytes = :bytes, sha256 = :sha256, problem = NULL
                        WHERE id = :id""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("path", file.toString())
                .param("bytes", bytes)
                .param("sha256", sha256)
                .param("id", clipId)
                .update();
    }

    void markUnavailable(long clipId, String problem) {
        jdbc.sql("UPDATE event_clip SET state = 'UNAVAILABLE', problem = :problem WHERE id = :id")
                .param("problem", problem)
                .param("id", clipId)
                .update();
    }

    /**
     * Marks the PENDING clips whose video after the event should have ended before {@code before} as UNAVAILABLE:
     * a server that stopped without finishing them leaves them so.
     */
    int abandonPendingBefore(Instant before, String problem) {
        return jdbc.sql("UPDATE event_clip SET state = 'UNAVAILABLE', problem = :problem "
                        + "WHERE state = 'PENDING' AND to_at < :before")
                .param("problem", problem)
                .param("before", Timestamp.from(before))
                .update();
    }

    Optional<StoredClip> find(long clipId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_clip WHERE id = :id")
                .param("id", clipId)
                .query((row, number) -> stored(row))
                .optional();
    }

    /** The event's clips, by camera. */
    List<StoredClip> forEvent(String eventRef) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_clip WHERE event_ref = :event ORDER BY camera_id, id")
                .param("event", eventRef)
                .query((row, number) -> stored(row))
                .list();
    }

    /** The ids of the cameras that have clips. */
    List<Long> cameras() {
        return jdbc.sql("SELECT DISTINCT camera_id FROM event_clip ORDER BY camera_id").query(Long.class).list();
    }

    /** The camera's finished (READY or UNAVAILABLE) clips made before {@code before}. */
    List<StoredClip> finishedOfCameraBefore(long cameraId, Instant before) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_clip WHERE camera_id = :camera AND state <> 'PENDING' "
                        + "AND created_at < :before ORDER BY id")
                .param("camera", cameraId)
                .param("before", Timestamp.from(before))
                .query((row, number) -> stored(row))
                .list();
    }

    /** The SHA-256 of the clip's file, once it is READY; null otherwise. */
    byte[] sha256(long clipId) {
        return jdbc.sql("SELECT sha256 FROM event_clip WHERE id = :id").param("id", clipId).query(byte[].class)
                .single();
    }

    void delete(long clipId) {
        jdbc.sql("DELETE FROM event_clip WHERE id = :id").param("id", clipId).update();
    }

    private static StoredClip stored(ResultSet row) throws SQLException {
        String path = row.getString("path");
        EventClip clip = new EventClip(row.getLong("id"), row.getLong("camera_id"), row.getString("event_ref"),
                row.getTimestamp("from_at").toInstant(), row.getTimestamp("to_at").toInstant(),
                EventClip.State.valueOf(row.getString("state")), row.getString("problem"));
        return new StoredClip(clip, path == null ? null : Path.of(path), row.getLong("bytes"),
                row.getTimestamp("created_at").toInstant());
    }
}
