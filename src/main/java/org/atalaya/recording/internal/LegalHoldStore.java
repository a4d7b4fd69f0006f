package org.atalaya.recording.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code legal_hold} table. */
@Component
class LegalHoldStore {

    private static final String COLUMNS = "id, camera_id, starts_at, ends_at, reason, case_number, set_by, set_at, "
            + "released_by, released_at, release_reason";
    /** Namespace of the advisory locks that keep a new hold and a retention deletion of the same camera apart. */
    private static final int CAMERA_LOCK_NAMESPACE = 0x4c48; // "LH"

    private final JdbcClient jdbc;

    LegalHoldStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the current transaction wait for, and then hold off, any other transaction that sets a hold on the camera
     * or deletes its recordings, so a deletion never misses a hold committed while it runs.
     */
    void lockCamera(long cameraId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, :key)")
                .param("namespace", CAMERA_LOCK_NAMESPACE)
                .param("key", (int) (cameraId ^ (cameraId >>> 32)))
                .query((row, number) -> 1)
                .single();
    }

    long insert(long cameraId, Instant from, Instant to, String reason, String caseNumber, String setBy, Instant setAt) {
        return jdbc.sql("""
                        INSERT INTO legal_hold (camera_id, starts_at, ends_at, reason, case_number, set_by, set_at)
                        VALUES (:camera, :from, :to, :reason, :case, :setBy, :setAt) RETURNING id""")
                .param("camera", cameraId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("reason", reason)
                .param("case", caseNumber)
                .param("setBy", setBy)
                .param("setAt", Timestamp.from(setAt))
                .query(Long.class)
                .single();
    }

    /** Releases an active hold; returns whether it was active. */
    boolean release(long holdId, String releasedBy, Instant releasedAt, String releaseReason) {
        return jdbc.sql("""
                        UPDATE legal_hold SET released_by = :by, released_at = :at, release_reason = :reason
                        WHERE id = :id AND released_at IS NULL""")
                .param("by", releasedBy)
                .param("at", Timestamp.from(releasedAt))
                .param("reason", releaseReason)
                .param("id", holdId)
                .update() > 0;
    }

    Optional<LegalHold> byId(long holdId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM legal_hold WHERE id = :id")
                .param("id", holdId)
                .query((row, number) -> hold(row))
                .optional();
    }

    /** The camera's holds, active ones first, each group newest first. */
    List<LegalHold> ofCamera(long cameraId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM legal_hold WHERE camera_id = :camera "
                        + "ORDER BY released_at IS NOT NULL, set_at DESC, id DESC")
                .param("camera", cameraId)
                .query((row, number) -> hold(row))
                .list();
    }

    /** Every active hold, newest first. */
    List<LegalHold> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM legal_hold WHERE released_at IS NULL ORDER BY set_at DESC, id DESC")
                .query((row, number) -> hold(row))
                .list();
    }

    private static LegalHold hold(ResultSet row) throws SQLException {
        Timestamp releasedAt = row.getTimestamp("released_at");
        return new LegalHold(row.getLong("id"), row.getLong("camera_id"), row.getTimestamp("starts_at").toInstant(),
                row.getTimestamp("ends_at").toInstant(), row.getString("reason"), row.getString("case_number"),
                row.getString("set_by"), row.getTimestamp("set_at").toInstant(), row.getString("released_by"),
                releasedAt == null ? null : releasedAt.toInstant(), row.getString("release_reason"));
    }
}
