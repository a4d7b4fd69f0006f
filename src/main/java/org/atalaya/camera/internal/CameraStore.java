package org.atalaya.camera.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.atalaya.camera.CameraStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cameras table. The sealed password is read only by {@link #sealedPassword(long)}. */
@Repository
class CameraStore {

    private static final String SELECT = """
            SELECT id, name, main_url, sub_url, username, password_sealed IS NOT NULL AS has_password, latitude,
              longitude, heading_deg, fov_deg, range_m, camera_group, purpose, legal_basis, retention_days,
              recording_mode, enabled, analysed, created_at, updated_at, s.status, s.since, s.problem, s.problem_kind
            FROM cameras LEFT JOIN camera_status s ON s.camera_id = cameras.id""";

    private final JdbcClient jdbc;

    CameraStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Camera> all() {
        return jdbc.sql(SELECT + " ORDER BY name").query(CameraStore::camera).list();
    }

    Optional<Camera> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(CameraStore::camera)
                .optional();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM cameras WHERE lower(name) = lower(?) AND id <> ?")
                .param(name).param(exceptId).query(Long.class).single() > 0;
    }

    /** Inserts the camera (its id and password are ignored) and returns the new id. */
    long insert(Camera camera) {
        return jdbc.sql("""
                        INSERT INTO cameras (name, main_url, sub_url, username, latitude, longitude, heading_deg,
                          fov_deg, range_m, camera_group, purpose, legal_basis, retention_days, recording_mode,
                          enabled, analysed, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(camera.name(), camera.mainUrl(), camera.subUrl(), camera.username(), camera.latitude(),
                        camera.longitude(), camera.headingDeg(), camera.fovDeg(), camera.rangeM(),
                        camera.cameraGroup(), camera.purpose(), camera.legalBasis(), camera.retentionDays(),
                        camera.recordingMode().value(), camera.enabled(), camera.analysed(),
                        Timestamp.from(camera.createdAt()),
                        Timestamp.from(camera.updatedAt()))
                .query(Long.class).single();
    }

    void update(Camera camera) {
        jdbc.sql("""
                        UPDATE cameras SET name = ?, main_url = ?, sub_url = ?, username = ?, latitude = ?,
                          longitude = ?, heading_deg = ?, fov_deg = ?, range_m = ?, camera_group = ?, purpose = ?,
                          legal_basis = ?, retention_days = ?, recording_mode = ?, enabled = ?, analysed = ?,
                          updated_at = ?
                        WHERE id = ?""")
                .params(camera.name(), camera.mainUrl(), camera.subUrl(), camera.username(), camera.latitude(),
                        camera.longitude(), camera.headingDeg(), camera.fovDeg(), camera.rangeM(),
                        camera.cameraGroup(), camera.purpose(), camera.legalBasis(), camera.retentionDays(),
                        camera.recordingMode().value(), camera.enabled(), camera.analysed(),
                        Timestamp.from(camera.updatedAt()),
                        camera.id())
                .update();
    }

    /** @param sealed the SecretBox text, or {@code null} to remove the password */
    void storePassword(long id, String sealed) {
        jdbc.sql("UPDATE cameras SET password_sealed = ? WHERE id = ?").param(sealed).param(id).update();
    }

    Optional<String> sealedPassword(long id) {
        return jdbc.sql("SELECT password_sealed FROM cameras WHERE id = ?").param(id)
                .query((row, number) -> Optional.ofNullable(row.getString(1))).optional().flatMap(sealed -> sealed);
    }

    private static Camera camera(ResultSet row, int number) throws SQLException {
        return new Camera(row.getLong("id"), row.getString("name"), row.getString("main_url"),
                row.getString("sub_url"), row.getString("username"), row.getBoolean("has_password"),
                nullableDouble(row, "latitude"), nullableDouble(row, "longitude"), nullableDouble(row, "heading_deg"),
                nullableDouble(row, "fov_deg"), nullableDouble(row, "range_m"), row.getString("camera_group"),
                row.getString("purpose"), row.getString("legal_basis"), row.getInt("retention_days"),
                RecordingMode.of(row.getString("recording_mode")), row.getBoolean("enabled"), row.getBoolean("analysed"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant(),
                status(row));
    }

    private static ObservedStatus status(ResultSet row) throws SQLException {
        String status = row.getString("status");
        if (status == null) return ObservedStatus.NOT_REPORTED;
        return new ObservedStatus(CameraStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                row.getTimestamp("since").toInstant(), row.getString("problem"), row.getString("problem_kind"));
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
