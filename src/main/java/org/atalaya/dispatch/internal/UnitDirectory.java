package org.atalaya.dispatch.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every unit, held in memory so that a recommendation reads no database; loaded on first use and reloaded, unit by
 * unit, after each committed change (all changes go through dispatch).
 */
@Component
class UnitDirectory {

    static final String SELECT = """
            SELECT u.id, u.call_sign, a.name AS agency, a.kind, u.unit_type, u.capabilities, u.crew, u.status,
                   u.status_since, u.incident_id, u.active, u.agency_id
            FROM units u JOIN agencies a ON a.id = u.agency_id""";

    private final JdbcClient jdbc;
    private final Map<Long, UnitRecord> units = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    UnitDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every unit, listed or not, by call sign. */
    List<UnitRecord> all() {
        return records().stream().sorted(Comparator.comparing(UnitRecord::callSign)).toList();
    }

    /** Every unit in no order, without copying: for the recommendation's pass over them. */
    Collection<UnitRecord> records() {
        ensureLoaded();
        return units.values();
    }

    Optional<UnitRecord> find(long id) {
        ensureLoaded();
        return Optional.ofNullable(units.get(id));
    }

    /**
     * Reads the units again from the database (after their change committed). One reload at a time, so that a slower
     * read of an older state cannot overwrite a newer one; and after the first load, which may have read the
     * table before this change committed.
     */
    synchronized void reload(Collection<Long> ids) {
        ensureLoaded();
        for (long id : ids) {
            Optional<UnitRecord> unit = jdbc.sql(SELECT + " WHERE u.id = ?").param(id).query(UnitDirectory::read)
                    .optional();
            unit.ifPresentOrElse(found -> units.put(id, found), () -> units.remove(id));
        }
    }

    private void ensureLoaded() {
        if (loaded) return;
        synchronized (this) {
            if (loaded) return;
            jdbc.sql(SELECT).query(UnitDirectory::read).list().forEach(unit -> units.put(unit.id(), unit));
            loaded = true;
        }
    }

    static UnitRecord read(ResultSet row, int rowNumber) throws SQLException {
        long incident = row.getLong("incident_id");
        Long incidentId = row.wasNull() ? null : incident;
        UnitView view = new UnitView(row.getLong("id"), row.getString("call_sign"), row.getString("agency"),
                AgencyKind.valueOf(row.getString("kind")), row.getString("unit_type"),
                Set.copyOf(texts(row.getArray("capabilities"))), texts(row.getArray("crew")),
                UnitStatus.valueOf(row.getString("status")), incidentId);
        return new UnitRecord(view, row.getLong("agency_id"), row.getTimestamp("status_since").toInstant(),
                row.getBoolean("active"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
