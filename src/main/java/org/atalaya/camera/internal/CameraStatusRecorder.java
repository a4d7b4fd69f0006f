package org.atalaya.camera.internal;

import java.sql.Timestamp;
import java.util.Locale;
import org.atalaya.camera.CameraStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the latest {@link CameraStatusChanged} of each camera. It listens synchronously, in the publisher's
 * transaction, so that reports about one camera are stored in the order they were made; an older report never
 * replaces a newer one.
 */
@Component
class CameraStatusRecorder {

    private static final int MAX_PROBLEM_LENGTH = 2000;

    private final JdbcClient jdbc;

    CameraStatusRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CameraStatusChanged change) {
        jdbc.sql("""
                        INSERT INTO camera_status (camera_id, status, since, problem, problem_kind)
                        SELECT :camera, :status, :since, :problem, :kind
                        WHERE EXISTS (SELECT 1 FROM cameras WHERE id = :camera)
                        ON CONFLICT (camera_id) DO UPDATE
                          SET status = excluded.status, since = excluded.since, problem = excluded.problem,
                              problem_kind = excluded.problem_kind
                          WHERE camera_status.since <= excluded.since""")
                .param("camera", change.cameraId())
                .param("status", change.status().name().toLowerCase(Locale.ROOT))
                .param("since", Timestamp.from(change.since()))
                .param("kind", change.problemKind() == null ? null : change.problemKind().name())
                .param("problem", change.problem() == null ? null
                        : change.problem().substring(0, Math.min(change.problem().length(), MAX_PROBLEM_LENGTH)))
                .update();
    }
}
