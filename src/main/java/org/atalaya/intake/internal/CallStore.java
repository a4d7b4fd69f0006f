package org.atalaya.intake.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.atalaya.intake.CallChannel;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the calls table. Every change is one statement, so two call-takers never both win a call. */
@Component
class CallStore {

    private static final String COLUMNS = """
            id, channel, sip_call_id, caller_uri, caller_number, caller_name, latitude, longitude, radius_m,
            civic_address, location_problem, offered_at, answered_at, answered_by, ended_at, incident_id""";
    private static final RowMapper<CallRow> ROW = (row, number) -> map(row);

    private final JdbcClient jdbc;

    CallStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A SIP call as it was offered. */
    record OfferedCall(String sipCallId, String callerUri, String callerNumber, String callerName, Double latitude,
                       Double longitude, Double radiusMetres, String civicAddress, String locationProblem,
                       Instant offeredAt) {
    }

    /** Stores a ringing SIP call; empty when the call was stored already (the same offer heard twice). */
    Optional<Long> insertOffered(OfferedCall call) {
        return jdbc.sql("""
                        INSERT INTO calls (channel, sip_call_id, caller_uri, caller_number, caller_name, latitude,
                                           longitude, radius_m, civic_address, location_problem, offered_at)
                        VALUES ('SIP', :sipCallId, :uri, :number, :name, :latitude, :longitude, :radius, :civic,
                                :problem, :offeredAt)
                        ON CONFLICT (sip_call_id) DO NOTHING
                        RETURNING id""")
                .param("sipCallId", call.sipCallId())
                .param("uri", call.callerUri())
                .param("number", call.callerNumber())
                .param("name", call.callerName())
                .param("latitude", call.latitude())
                .param("longitude", call.longitude())
                .param("radius", call.radiusMetres())
                .param("civic", call.civicAddress())
                .param("problem", call.locationProblem())
                .param("offeredAt", Timestamp.from(call.offeredAt()))
                .query(Long.class).optional();
    }

    /** Stores a call typed in by hand, answered as it is offered. */
    long insertManual(String callerNumber, String callerName, Instant at, String answeredBy) {
        return jdbc.sql("""
                        INSERT INTO calls (channel, caller_number, caller_name, offered_at, answered_at, answered_by)
                        VALUES ('MANUAL', :number, :name, :at, :at, :by)
                        RETURNING id""")
                .param("number", callerNumber)
                .param("name", callerName)
                .param("at", Timestamp.from(at))
                .param("by", answeredBy)
                .query(Long.class).single();
    }

    Optional<CallRow> find(long id) {
        return jdbc.sql(select("FROM calls WHERE id = ?")).param(id).query(ROW).optional();
    }

    Optional<CallRow> findBySipCallId(String sipCallId) {
        return jdbc.sql(select("FROM calls WHERE sip_call_id = ?")).param(sipCallId).query(ROW)
                .optional();
    }

    /** Claims a ringing call for the user: false when it was answered or ended meanwhile. */
    boolean claim(long id, String username, Instant at) {
        return jdbc.sql("""
                        UPDATE calls SET answered_at = :at, answered_by = :by
                        WHERE id = :id AND answered_at IS NULL AND ended_at IS NULL""")
                .param("at", Timestamp.from(at)).param("by", username).param("id", id).update() == 1;
    }

    /** Gives up a claim whose call could not be answered after all (the caller was gone): the call is abandoned. */
    void abandonClaimed(long id, Instant at) {
        jdbc.sql("""
                        UPDATE calls SET answered_at = NULL, answered_by = NULL, ended_at = coalesce(ended_at, :at)
                        WHERE id = :id""")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Ends the call at the given instant unless it ended already; false when it had. */
    boolean end(long id, Instant at) {
        return jdbc.sql("UPDATE calls SET ended_at = :at WHERE id = :id AND ended_at IS NULL")
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /** Ends a SIP call; empty when there is no such call or it had ended already. */
    Optional<Long> endSip(String sipCallId, Instant at) {
        return jdbc.sql("UPDATE calls SET ended_at = :at WHERE sip_call_id = :sip AND ended_at IS NULL RETURNING id")
                .param("at", Timestamp.from(at)).param("sip", sipCallId).query(Long.class).optional();
    }

    /** Links a call with no incident yet to the incident, with the caller as the call-taker wrote them down. */
    boolean link(long id, long incidentId, String callerNumber, String callerName) {
        return jdbc.sql("""
                        UPDATE calls SET incident_id = :incident, caller_number = :number, caller_name = :name
                        WHERE id = :id AND incident_id IS NULL""")
                .param("incident", incidentId).param("number", callerNumber).param("name", callerName)
                .param("id", id).update() == 1;
    }

    /** Moves every call of one incident to another; returns how many. */
    int moveCalls(long fromIncident, long toIncident) {
        return jdbc.sql("UPDATE calls SET incident_id = :to WHERE incident_id = :from")
                .param("to", toIncident).param("from", fromIncident).update();
    }

    /** Calls ringing or going on, oldest first. */
    List<CallRow> open() {
        return jdbc.sql(select("FROM calls WHERE ended_at IS NULL ORDER BY offered_at, id"))
                .query(ROW).list();
    }

    List<CallRow> ringing() {
        return jdbc.sql(select("""
                         FROM calls WHERE ended_at IS NULL AND answered_at IS NULL ORDER BY offered_at, id"""))
                .query(ROW).list();
    }

    List<CallRow> active() {
        return jdbc.sql(select("""
                         FROM calls WHERE ended_at IS NULL AND answered_at IS NOT NULL ORDER BY offered_at, id"""))
                .query(ROW).list();
    }

    /** Calls that ended since the given instant, the latest first. */
    List<CallRow> endedSince(Instant since, int limit) {
        return jdbc.sql(select("""
                         FROM calls WHERE ended_at >= :since ORDER BY ended_at DESC, id DESC LIMIT :limit"""))
                .param("since", Timestamp.from(since)).param("limit", limit).query(ROW).list();
    }

    List<CallRow> ofIncident(long incidentId) {
        return jdbc.sql(select("FROM calls WHERE incident_id = ? ORDER BY offered_at, id"))
                .param(incidentId).query(ROW).list();
    }

    List<CallRow> offeredBetween(Instant from, Instant to) {
        return jdbc.sql(select("""
                         FROM calls WHERE offered_at >= :from AND offered_at < :to ORDER BY offered_at, id"""))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(ROW).list();
    }

    private static String select(String rest) {
        return "SELECT " + COLUMNS + " " + rest;
    }

    private static CallRow map(ResultSet row) throws SQLException {
        return new CallRow(row.getLong("id"), CallChannel.valueOf(row.getString("channel")),
                row.getString("sip_call_id"), row.getString("caller_uri"), row.getString("caller_number"),
                row.getString("caller_name"), row.getObject("latitude", Double.class),
                row.getObject("longitude", Double.class), row.getObject("radius_m", Double.class),
                row.getString("civic_address"), row.getString("location_problem"), instant(row, "offered_at"),
                instant(row, "answered_at"), row.getString("answered_by"), instant(row, "ended_at"),
                row.getObject("incident_id", Long.class));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
