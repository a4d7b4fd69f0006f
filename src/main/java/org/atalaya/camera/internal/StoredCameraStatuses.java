package org.atalaya.camera.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atalaya.camera.CameraStatus;
import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.camera.CameraStatuses;
import org.atalaya.media.StreamProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads back what {@link CameraStatusRecorder} stored. */
@Component
class StoredCameraStatuses implements CameraStatuses {

    private static final String SELECT = "SELECT camera_id, status, since, problem, problem_kind FROM camera_status";

    private final JdbcClient jdbc;

    StoredCameraStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, CameraStatusChanged> latest() {
        return jdbc.sql(SELECT).query(StoredCameraStatuses::report).list().stream()
                .collect(Collectors.toMap(CameraStatusChanged::cameraId, Function.identity()));
    }

    @Override
    public Optional<CameraStatusChanged> latest(long cameraId) {
        return jdbc.sql(SELECT + " WHERE camera_id = ?").param(cameraId).query(StoredCameraStatuses::report)
                .optional();
    }

    private static CameraStatusChanged report(ResultSet row, int number) throws SQLException {
        return new CameraStatusChanged(row.getLong("camera_id"),
                CameraStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                row.getTimestamp("since").toInstant(), row.getString("problem"),
                problemKind(row.getString("problem_kind")));
    }

    /** A kind this version no longer knows (stored by another version of Atalaya) is left out, not refused. */
    private static StreamProblem problemKind(String name) {
        if (name == null) return null;
        try {
            return StreamProblem.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
