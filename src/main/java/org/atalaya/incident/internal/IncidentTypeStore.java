package org.atalaya.incident.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.atalaya.incident.IncidentType;
import org.atalaya.incident.IncidentTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The incident taxonomy in the database. */
@Component
class IncidentTypeStore implements IncidentTypes {

    private final JdbcClient jdbc;

    IncidentTypeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<IncidentType> all() {
        return jdbc.sql("SELECT * FROM incident_types ORDER BY code").query((row, number) -> map(row)).list();
    }

    @Override
    public Optional<IncidentType> find(String code) {
        if (code == null) return Optional.empty();
        return jdbc.sql("SELECT * FROM incident_types WHERE code = ?").param(code)
                .query((row, number) -> map(row)).optional();
    }

    /** Adds the type; false when a type with its code exists already. */
    boolean insert(IncidentType type) {
        return jdbc.sql("""
                        INSERT INTO incident_types (code, name, name_es, default_priority, unit_types, active)
                        VALUES (:code, :name, :nameEs, :priority, CAST(:units AS text[]), :active)
                        ON CONFLICT (code) DO NOTHING""")
                .param("code", type.code()).param("name", type.name()).param("nameEs", type.nameEs())
                .param("priority", type.defaultPriority()).param("units", arrayLiteral(type.unitTypes()))
                .param("active", type.active())
                .update() == 1;
    }

    /** Changes the type; false when there is no type with its code. */
    boolean update(IncidentType type) {
        return jdbc.sql("""
                        UPDATE incident_types SET name = :name, name_es = :nameEs, default_priority = :priority,
                                                  unit_types = CAST(:units AS text[]), active = :active
                        WHERE code = :code""")
                .param("code", type.code()).param("name", type.name()).param("nameEs", type.nameEs())
                .param("priority", type.defaultPriority()).param("units", arrayLiteral(type.unitTypes()))
                .param("active", type.active())
                .update() == 1;
    }

    /** Unit type codes are letters, digits and hyphens only, so the literal needs no quoting. */
    private static String arrayLiteral(Set<String> values) {
        return "{" + String.join(",", new TreeSet<>(values)) + "}";
    }

    private static IncidentType map(ResultSet row) throws SQLException {
        Array units = row.getArray("unit_types");
        Set<String> unitTypes = units == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) units.getArray()));
        return new IncidentType(row.getString("code"), row.getString("name"), row.getString("name_es"),
                row.getInt("default_priority"), unitTypes, row.getBoolean("active"));
    }
}
