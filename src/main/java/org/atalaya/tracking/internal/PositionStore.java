package org.atalaya.tracking.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.atalaya.tracking.UnitPosition;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The positions table: batches in, the latest fix of each unit and a unit's track out. */
@Repository
class PositionStore {

    /** One statement for a whole batch: each column travels as one array, so a batch costs one round trip. */
    private static final String INSERT_BATCH = """
            INSERT INTO unit_positions (unit_id, device_id, fixed_at, received_at, latitude, longitude, speed_mps,
                                        heading_deg, altitude_m, accuracy_m, hdop, battery_pct, valid, source)
            SELECT * FROM unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::float8[], ?::float8[],
                                 ?::real[], ?::real[], ?::real[], ?::real[], ?::real[], ?::real[], ?::boolean[],
                                 ?::text[])""";

    private static final String COLUMNS = """
            unit_id, device_id, fixed_at, received_at, latitude, longitude, speed_mps, heading_deg, altitude_m,
            accuracy_m, hdop, battery_pct, valid, source""";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    PositionStore(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** Stores the rows in one statement (one transaction). */
    void insert(List<PositionRow> rows) {
        jdbcTemplate.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_BATCH)) {
                insert.setArray(1, array(connection, "bigint", rows, PositionRow::unitId));
                insert.setArray(2, array(connection, "text", rows, PositionRow::deviceId));
                insert.setArray(3, array(connection, "timestamptz", rows, row -> row.fixedAt().toString()));
                insert.setArray(4, array(connection, "timestamptz", rows, row -> row.receivedAt().toString()));
                insert.setArray(5, array(connection, "float8", rows, PositionRow::latitude));
                insert.setArray(6, array(connection, "float8", rows, PositionRow::longitude));
                insert.setArray(7, array(connection, "float8", rows, PositionRow::speedMps));
                insert.setArray(8, array(connection, "float8", rows, PositionRow::headingDeg));
                insert.setArray(9, array(connection, "float8", rows, PositionRow::altitudeMetres));
                insert.setArray(10, array(connection, "float8", rows, PositionRow::accuracyMetres));
                insert.setArray(11, array(connection, "float8", rows, PositionRow::hdop));
                insert.setArray(12, array(connection, "float8", rows, PositionRow::batteryPct));
                insert.setArray(13, array(connection, "boolean", rows, PositionRow::valid));
                insert.setArray(14, array(connection, "text", rows, row -> row.source().name()));
                return insert.executeUpdate();
            }
        });
    }

    private static Array array(Connection connection, String type, List<PositionRow> rows,
                               Function<PositionRow, Object> column) throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) values[i] = column.apply(rows.get(i));
        return connection.createArrayOf(type, values);
    }

    /**
     * A {@code real} column as the decimal it was written as (12.5, not 12.5000001), null when it is null: speeds,
     * headings and accuracies are kept to the seven digits a {@code real} holds.
     */
    private static Double real(ResultSet rs, String column) throws SQLException {
        float value = rs.getFloat(column);
        return rs.wasNull() ? null : Double.valueOf(Float.toString(value));
    }

    /** The newest valid fix of each unit since {@code since}. */
    List<UnitPosition> latestValidSince(Instant since) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (unit_id) unit_id, latitude, longitude, fixed_at, speed_mps, heading_deg,
                               accuracy_m
                        FROM unit_positions WHERE valid AND fixed_at >= ?
                        ORDER BY unit_id, fixed_at DESC""")
                .param(Timestamp.from(since))
                .query((rs, n) -> new UnitPosition(rs.getLong("unit_id"), rs.getDouble("latitude"),
                        rs.getDouble("longitude"), rs.getTimestamp("fixed_at").toInstant(),
                        real(rs, "speed_mps"), real(rs, "heading_deg"),
                        real(rs, "accuracy_m")))
                .list();
    }

    /** A unit's positions with from <= fix time < to, oldest first, at most {@code limit}. */
    List<PositionRow> track(long unitId, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM unit_positions WHERE unit_id = ? AND fixed_at >= ? AND fixed_at < ?
                        ORDER BY fixed_at LIMIT ?""")
                .param(unitId).param(Timestamp.from(from)).param(Timestamp.from(to)).param(limit)
                .query((rs, n) -> new PositionRow(rs.getLong("unit_id"), rs.getString("device_id"),
                        rs.getTimestamp("fixed_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                        rs.getDouble("latitude"), rs.getDouble("longitude"), real(rs, "speed_mps"),
                        real(rs, "heading_deg"), real(rs, "altitude_m"),
                        real(rs, "accuracy_m"), real(rs, "hdop"),
                        real(rs, "battery_pct"), rs.getBoolean("valid"),
                        PositionRow.Source.valueOf(rs.getString("source"))))
                .list();
    }
}
