package org.atalaya.incident.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.atalaya.incident.IncidentStatus;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.NewIncident;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of incidents and their narrative logs. */
@Component
class IncidentStore {

    private static final String ACTIVE = "status NOT IN ('CLOSED', 'CANCELLED')";
    private static final RowMapper<IncidentRow> ROW = (row, number) -> map(row);
    private static final RowMapper<LogEntry> LOG = (row, number) -> new LogEntry(row.getLong("id"),
            instant(row, "at"), row.getString("author"), LogEntry.Kind.valueOf(row.getString("kind")),
            row.getString("text"), status(row.getString("from_status")), status(row.getString("to_status")),
            row.getString("copied_from"));

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the incident with the next number of the year of {@code at}; returns its id. */
    long insert(NewIncident incident, int priority, String prefix, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO incidents (number, type_code, priority, status, latitude, longitude, address,
                                               summary, call_offered_at, call_answered_at, created_at, created_by,
                                               alarm_id)
                        VALUES (:prefix || '-' || lpad(nextval('incident_number_seq')::text, 6, '0'),
                                :type, :priority, 'NEW', :latitude, :longitude, :address, :summary, :offered,
                                :answered, :at, :by, :alarm)
                        RETURNING id""")
                .param("prefix", prefix + "-" + at.atZone(ZoneOffset.UTC).getYear())
                .param("type", incident.typeCode()).param("priority", priority)
                .param("latitude", incident.latitude()).param("longitude", incident.longitude())
                .param("address", incident.address()).param("summary", incident.summary())
                .param("offered", timestamp(incident.callOfferedAt()))
                .param("answered", timestamp(incident.callAnsweredAt()))
                .param("at", Timestamp.from(at)).param("by", by).param("alarm", incident.alarmId())
                .query(Long.class).single();
    }

    Optional<IncidentRow> find(long id) {
        return jdbc.sql("SELECT * FROM incidents WHERE id = ?").param(id).query(ROW).optional();
    }

    /** The incident, locked until the transaction ends, so that concurrent changes of it queue up. */
    Optional<IncidentRow> lock(long id) {
        return jdbc.sql("SELECT * FROM incidents WHERE id = ? FOR UPDATE").param(id).query(ROW).optional();
    }

    boolean existsForAlarm(long alarmId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM incidents WHERE alarm_id = ?)").param(alarmId)
                .query(Boolean.class).single();
    }

    /** Active incidents, most urgent first, the oldest first among equals. */
    List<IncidentRow> active() {
        return jdbc.sql("SELECT * FROM incidents WHERE " + ACTIVE + " ORDER BY priority, created_at, id")
                .query(ROW).list();
    }

    /** Incidents opened in [from, to), the newest first, at most {@code limit}. */
    List<IncidentRow> openedBetween(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT * FROM incidents WHERE created_at >= ? AND created_at < ?
                        ORDER BY created_at DESC, id DESC LIMIT ?""")
                .param(Timestamp.from(from)).param(Timestamp.from(to)).param(limit).query(ROW).list();
    }

    /**
     * Active incidents of the type family inside the box whose first call (or opening) lies in [from, to]: the
     * candidates of a duplicate search, still to be measured exactly.
     */
    List<IncidentRow> activeNear(String family, Geo.Box box, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT * FROM incidents
                        WHERE status NOT IN ('CLOSED', 'CANCELLED') AND latitude IS NOT NULL
                          AND latitude BETWEEN :south AND :north AND longitude BETWEEN :west AND :east
                          AND split_part(type_code, '_', 1) = :family
                          AND coalesce(call_offered_at, created_at) BETWEEN :from AND :to""")
                .param("south", box.south()).param("north", box.north())
                .param("west", box.west()).param("east", box.east())
                .param("family", family).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(ROW).list();
    }

    /** Moves the incident to a stage, stamping the stage's column. */
    void advance(long id, IncidentStatus stage, Instant at) {
        String column = switch (stage) {
            case DISPATCHED -> "dispatched_at";
            case EN_ROUTE -> "en_route_at";
            case ON_SCENE -> "on_scene_at";
            default -> throw new IllegalArgumentException(stage + " is not a stage to advance to");
        };
        jdbc.sql("UPDATE incidents SET status = ?, " + column + " = ? WHERE id = ?")
                .param(stage.name()).param(Timestamp.from(at)).param(id).update();
    }

    /** Ends the incident, closed or cancelled, with its outcome or reason. */
    void end(long id, IncidentStatus status, Instant at, String outcome, Long mergedInto) {
        jdbc.sql("UPDATE incidents SET status = ?, ended_at = ?, outcome = ?, merged_into = ? WHERE id = ?")
                .param(status.name()).param(Timestamp.from(at)).param(outcome).param(mergedInto).param(id).update();
    }

    /** The survivor of a merge keeps the earliest call times of the two. */
    void keepEarliestCall(long survivorId, long duplicateId) {
        jdbc.sql("""
                        UPDATE incidents survivor
                        SET call_offered_at = least(survivor.call_offered_at, duplicate.call_offered_at),
                            call_answered_at = least(survivor.call_answered_at, duplicate.call_answered_at)
                        FROM incidents duplicate
                        WHERE survivor.id = ? AND duplicate.id = ?""")
                .param(survivorId).param(duplicateId).update();
    }

    void log(long incidentId, Instant at, String author, LogEntry.Kind kind, String text, IncidentStatus from,
             IncidentStatus to) {
        jdbc.sql("""
                        INSERT INTO incident_log (incident_id, at, author, kind, text, from_status, to_status)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .param(incidentId).param(Timestamp.from(at)).param(author).param(kind.name()).param(text)
                .param(from == null ? null : from.name()).param(to == null ? null : to.name()).update();
    }

    /** Copies the duplicate's narrative into the survivor's, each entry marked with where it came from. */
    void copyLog(long duplicateId, String duplicateNumber, long survivorId) {
        jdbc.sql("""
                        INSERT INTO incident_log (incident_id, at, author, kind, text, from_status, to_status,
                                                  copied_from)
                        SELECT ?, at, author, kind, text, from_status, to_status, coalesce(copied_from, ?)
                        FROM incident_log WHERE incident_id = ? ORDER BY id""")
                .param(survivorId).param(duplicateNumber).param(duplicateId).update();
    }

    List<LogEntry> log(long incidentId) {
        return jdbc.sql("SELECT * FROM incident_log WHERE incident_id = ? ORDER BY id").param(incidentId)
                .query(LOG).list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static IncidentStatus status(String value) {
        return value == null ? null : IncidentStatus.valueOf(value);
    }

    private static Double decimal(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static IncidentRow map(ResultSet row) throws SQLException {
        long merged = row.getLong("merged_into");
        Long mergedInto = row.wasNull() ? null : merged;
        long alarm = row.getLong("alarm_id");
        Long alarmId = row.wasNull() ? null : alarm;
        IncidentView view = new IncidentView(row.getLong("id"), row.getString("number"), row.getString("type_code"),
                row.getInt("priority"), IncidentStatus.valueOf(row.getString("status")), decimal(row, "latitude"),
                decimal(row, "longitude"), row.getString("address"), row.getString("summary"),
                instant(row, "call_offered_at"), instant(row, "call_answered_at"), instant(row, "created_at"),
                instant(row, "dispatched_at"), instant(row, "en_route_at"), instant(row, "on_scene_at"),
                instant(row, "ended_at"), mergedInto);
        return new IncidentRow(view, row.getString("created_by"), row.getString("outcome"), alarmId);
    }
}
