package org.atalaya.alarm.internal.sources;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alarm_source table. The token hash and the sealed password are read only by their own methods. */
@Repository
class AlarmSourceStore {

    private static final String SELECT = """
            SELECT id, name, kind, alarm_type, enabled, latitude, longitude, camera_ids, mqtt_broker_url,
              mqtt_username, mqtt_password_sealed IS NOT NULL AS has_password, mqtt_topic_filter, mqtt_qos,
              created_at, created_by, updated_at, last_event_at, last_event_state, last_error_at, last_error
            FROM alarm_source""";

    private final JdbcClient jdbc;

    AlarmSourceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AlarmSource> all() {
        return jdbc.sql(SELECT + " ORDER BY lower(name)").query(AlarmSourceStore::source).list();
    }

    List<AlarmSource> enabledMqtt() {
        return jdbc.sql(SELECT + " WHERE kind = 'mqtt' AND enabled ORDER BY id").query(AlarmSourceStore::source)
                .list();
    }

    Optional<AlarmSource> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(AlarmSourceStore::source).optional();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM alarm_source WHERE lower(name) = lower(?) AND id <> ?")
                .param(name).param(exceptId).query(Long.class).single() > 0;
    }

    boolean alarmTypeExists(String code) {
        return jdbc.sql("SELECT count(*) FROM alarm_type WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    List<String> alarmTypes() {
        return jdbc.sql("SELECT code FROM alarm_type ORDER BY code").query(String.class).list();
    }

    /** Inserts the source (its id and status are ignored) and returns the new id. */
    long insert(AlarmSource source, byte[] tokenSha256, String sealedPassword) {
        AlarmSource.MqttSettings mqtt = source.mqtt();
        return jdbc.sql("""
                        INSERT INTO alarm_source (name, kind, alarm_type, enabled, latitude, longitude, camera_ids,
                          webhook_token_sha256, mqtt_broker_url, mqtt_username, mqtt_password_sealed,
                          mqtt_topic_filter, mqtt_qos, created_at, created_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(source.name(), source.kind().value(), source.alarmType(), source.enabled(), source.latitude(),
                        source.longitude(), source.cameraIds().toArray(Long[]::new), tokenSha256,
                        mqtt == null ? null : mqtt.brokerUrl(), mqtt == null ? null : mqtt.username(), sealedPassword,
                        mqtt == null ? null : mqtt.topicFilter(), mqtt == null ? null : mqtt.qos(),
                        Timestamp.from(source.createdAt()), source.createdBy(), Timestamp.from(source.updatedAt()))
                .query(Long.class).single();
    }

    /** Stores the source's settings; the password is left as it is (see {@link #storePassword}). */
    void update(AlarmSource source) {
        AlarmSource.MqttSettings mqtt = source.mqtt();
        jdbc.sql("""
                        UPDATE alarm_source SET name = ?, alarm_type = ?, enabled = ?, latitude = ?, longitude = ?,
                          camera_ids = ?, mqtt_broker_url = ?, mqtt_username = ?, mqtt_topic_filter = ?, mqtt_qos = ?,
                          updated_at = ?
                        WHERE id = ?""")
                .params(source.name(), source.alarmType(), source.enabled(), source.latitude(), source.longitude(),
                        source.cameraIds().toArray(Long[]::new), mqtt == null ? null : mqtt.brokerUrl(),
                        mqtt == null ? null : mqtt.username(), mqtt == null ? null : mqtt.topicFilter(),
                        mqtt == null ? null : mqtt.qos(), Timestamp.from(source.updatedAt()), source.id())
                .update();
    }

    /** @param sealed the SecretBox text, or {@code null} to remove the password */
    void storePassword(long id, String sealed) {
        jdbc.sql("UPDATE alarm_source SET mqtt_password_sealed = ? WHERE id = ?").param(sealed).param(id).update();
    }

    Optional<String> sealedPassword(long id) {
        return jdbc.sql("SELECT mqtt_password_sealed FROM alarm_source WHERE id = ?").param(id)
                .query((row, number) -> Optional.ofNullable(row.getString(1))).optional().flatMap(sealed -> sealed);
    }

    void storeTokenHash(long id, byte[] tokenSha256) {
        jdbc.sql("UPDATE alarm_source SET webhook_token_sha256 = ? WHERE id = ?").param(tokenSha256).param(id)
                .update();
    }

    Optional<byte[]> tokenHash(long id) {
        return jdbc.sql("SELECT webhook_token_sha256 FROM alarm_source WHERE id = ?").param(id)
                .query((row, number) -> Optional.ofNullable(row.getBytes(1))).optional().flatMap(hash -> hash);
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM alarm_source WHERE id = ?").param(id).update() > 0;
    }

    /** What the source last said; a good event also clears the last error. */
    void recordEvent(long id, Instant at, String state) {
        jdbc.sql("""
                        UPDATE alarm_source SET last_event_at = ?, last_event_state = ?, last_error = NULL,
                          last_error_at = NULL
                        WHERE id = ?""")
                .param(Timestamp.from(at)).param(state).param(id).update();
    }

    void recordError(long id, Instant at, String error) {
        jdbc.sql("UPDATE alarm_source SET last_error_at = ?, last_error = ? WHERE id = ?")
                .param(Timestamp.from(at)).param(error).param(id).update();
    }

    private static AlarmSource source(ResultSet row, int number) throws SQLException {
        SourceKind kind = SourceKind.valueOf(row.getString("kind").toUpperCase(java.util.Locale.ROOT));
        AlarmSource.MqttSettings mqtt = kind == SourceKind.MQTT
                ? new AlarmSource.MqttSettings(row.getString("mqtt_broker_url"), row.getString("mqtt_username"),
                        row.getBoolean("has_password"), row.getString("mqtt_topic_filter"), row.getInt("mqtt_qos"))
                : null;
        return new AlarmSource(row.getLong("id"), row.getString("name"), kind, row.getString("alarm_type"),
                row.getBoolean("enabled"), nullableDouble(row, "latitude"), nullableDouble(row, "longitude"),
                cameraIds(row.getArray("camera_ids")), mqtt, instant(row, "created_at"), row.getString("created_by"),
                instant(row, "updated_at"), instant(row, "last_event_at"), row.getString("last_event_state"),
                instant(row, "last_error_at"), row.getString("last_error"));
    }

    private static List<Long> cameraIds(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
