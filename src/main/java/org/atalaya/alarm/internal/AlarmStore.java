package org.atalaya.alarm.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the alarm queue: alarms, their checklist ticks and their history. */
@Component
class AlarmStore {

    static final RowMapper<AlarmRow> ROW = (row, number) -> map(row);

    private final JdbcClient jdbc;

    AlarmStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an insert-or-fold did. */
    record Intake(long id, boolean opened) {
    }

    /** A new alarm as the intake builds it. */
    record NewAlarm(String type, int priority, String source, String dedupKey, String detail, Instant at,
                    List<Long> cameraIds, String cameraGroup, Double latitude, Double longitude, Instant createdAt) {
    }

    /**
     * Opens the alarm, or folds it into the open alarm with the same key: one atomic statement, so concurrent signals
     * of one key never open two alarms. A flood alarm's detail counts its signals.
     */
    Intake openOrFold(NewAlarm alarm) {
        return jdbc.sql("""
                        INSERT INTO alarm (type, priority, state, source, dedup_key, detail, first_at, last_at, count,
                                           camera_ids, camera_group, latitude, longitude, created_at)
                        VALUES (:type, :priority, 'new', :source, :key, :detail, :at, :at, 1,
                                CAST(:cameras AS bigint[]), :group, :latitude, :longitude, :createdAt)
                        ON CONFLICT (dedup_key) WHERE state <> 'closed' DO UPDATE
                          SET count = alarm.count + 1,
                              first_at = least(alarm.first_at, excluded.first_at),
                              last_at = greatest(alarm.last_at, excluded.last_at),
                              detail = CASE WHEN alarm.dedup_key LIKE 'flood:%'
                                            THEN 'flood: ' || (alarm.count + 1) || ' signals from ' || alarm.source
                                            ELSE alarm.detail END
                        RETURNING id, (xmax = 0) AS opened""")
                .param("type", alarm.type())
                .param("priority", alarm.priority())
                .param("source", alarm.source())
                .param("key", alarm.dedupKey())
                .param("detail", alarm.detail())
                .param("at", Timestamp.from(alarm.at()))
                .param("cameras", arrayLiteral(alarm.cameraIds()))
                .param("group", alarm.cameraGroup())
                .param("latitude", alarm.latitude())
                .param("longitude", alarm.longitude())
                .param("createdAt", Timestamp.from(alarm.createdAt()))
                .query((row, number) -> new Intake(row.getLong("id"), row.getBoolean("opened")))
                .single();
    }

    boolean hasOpen(String dedupKey) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM alarm WHERE dedup_key = ? AND state <> 'closed')")
                .param(dedupKey).query(Boolean.class).single();
    }

    /** How many alarms the source opened since the instant, flood alarms left out. */
    int openedBy(String source, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM alarm
                        WHERE source = ? AND created_at > ? AND dedup_key NOT LIKE 'flood:%'""")
                .param(source).param(Timestamp.from(since)).query(Integer.class).single();
    }

    Optional<AlarmRow> find(long id) {
        return jdbc.sql("SELECT * FROM alarm WHERE id = ?").param(id).query(ROW).optional();
    }

    /** The alarm, locked until the end of the transaction so that actions on it take turns. */
    Optional<AlarmRow> lock(long id) {
        return jdbc.sql("SELECT * FROM alarm WHERE id = ? FOR UPDATE").param(id).query(ROW).optional();
    }

    void acknowledge(long id, String by, Instant at) {
        jdbc.sql("""
                        UPDATE alarm SET state = 'acknowledged', acknowledged_at = :at, acknowledged_by = :by,
                                         assignee = coalesce(assignee, :by)
                        WHERE id = :id""")
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
    }

    void start(long id, Instant at) {
        jdbc.sql("UPDATE alarm SET state = 'in_progress', started_at = ? WHERE id = ?")
                .param(Timestamp.from(at)).param(id).update();
    }

    void assign(long id, String assignee) {
        jdbc.sql("UPDATE alarm SET assignee = ? WHERE id = ?").param(assignee).param(id).update();
    }

    void close(long id, String by, Instant at, String outcome, String note) {
        jdbc.sql("""
                        UPDATE alarm SET state = 'closed', closed_at = :at, closed_by = :by, outcome = :outcome,
                                         outcome_note = :note
                        WHERE id = :id""")
                .param("at", Timestamp.from(at)).param("by", by).param("outcome", outcome).param("note", note)
                .param("id", id).update();
    }

    void requestIncident(long id, String by, Instant at) {
        jdbc.sql("UPDATE alarm SET incident_requested_at = ?, incident_requested_by = ? WHERE id = ?")
                .param(Timestamp.from(at)).param(by).param(id).update();
    }

    void escalate(long id, Instant at) {
        jdbc.sql("UPDATE alarm SET escalated_at = ?, priority = greatest(priority - 1, 1) WHERE id = ?")
                .param(Timestamp.from(at)).param(id).update();
    }

    void tick(long id, int line, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO alarm_sop_tick (alarm_id, line_index, done_by, done_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (alarm_id, line_index) DO NOTHING""")
                .param(id).param(line).param(by).param(Timestamp.from(at)).update();
    }

    void untick(long id, int line) {
        jdbc.sql("DELETE FROM alarm_sop_tick WHERE alarm_id = ? AND line_index = ?").param(id).param(line).update();
    }

    /** The ticked lines of an alarm's checklist. */
    List<SopLine> ticks(long id) {
        return jdbc.sql("SELECT line_index, done_by, done_at FROM alarm_sop_tick WHERE alarm_id = ? ORDER BY line_index")
                .param(id)
                .query((row, number) -> new SopLine(row.getInt("line_index"), null, true, row.getString("done_by"),
                        row.getTimestamp("done_at").toInstant()))
                .list();
    }

    void addHistory(long id, Instant at, String action, String by, String detail) {
        jdbc.sql("INSERT INTO alarm_history (alarm_id, at, action, actor, detail) VALUES (?, ?, ?, ?, ?)")
                .param(id).param(Timestamp.from(at)).param(action).param(by).param(detail).update();
    }

    List<HistoryEntry> history(long id) {
        return jdbc.sql("SELECT at, action, actor, detail FROM alarm_history WHERE alarm_id = ? ORDER BY id")
                .param(id)
                .query((row, number) -> new HistoryEntry(row.getTimestamp("at").toInstant(), row.getString("action"),
                        row.getString("actor"), row.getString("detail")))
                .list();
    }

    private static String arrayLiteral(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static AlarmRow map(ResultSet row) throws SQLException {
        return new AlarmRow(row.getLong("id"), row.getString("type"), row.getInt("priority"),
                AlarmState.of(row.getString("state")), row.getString("source"), row.getString("dedup_key"),
                row.getString("detail"), instant(row, "first_at"), instant(row, "last_at"), row.getInt("count"),
                cameraIds(row.getArray("camera_ids")), row.getString("camera_group"), decimal(row, "latitude"),
                decimal(row, "longitude"), row.getString("assignee"), instant(row, "acknowledged_at"),
                row.getString("acknowledged_by"), instant(row, "started_at"), instant(row, "closed_at"),
                row.getString("closed_by"), row.getString("outcome"), row.getString("outcome_note"),
                instant(row, "escalated_at"), instant(row, "incident_requested_at"),
                row.getString("incident_requested_by"));
    }

    private static List<Long> cameraIds(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Double decimal(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
