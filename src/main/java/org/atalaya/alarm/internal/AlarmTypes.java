package org.atalaya.alarm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The alarm types ({@code alarm_type}): their priority, escalation, clips and checklist. */
@Component
class AlarmTypes {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlarmTypes(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<AlarmType> all() {
        return jdbc.sql("SELECT * FROM alarm_type ORDER BY priority, code").query((row, number) -> map(row)).list();
    }

    Optional<AlarmType> find(String code) {
        return jdbc.sql("SELECT * FROM alarm_type WHERE code = ?").param(code).query((row, number) -> map(row))
                .optional();
    }

    /** Changes how alarms of an existing type are handled; returns false if there is no such type. */
    boolean update(String code, int priority, Integer escalateAfterSeconds, boolean clip, List<String> sop) {
        return jdbc.sql("""
                        UPDATE alarm_type
                        SET priority = :priority, escalate_after_seconds = :escalate, clip = :clip,
                            sop = ARRAY(SELECT jsonb_array_elements_text(CAST(:sop AS jsonb)))
                        WHERE code = :code""")
                .param("priority", priority)
                .param("escalate", escalateAfterSeconds)
                .param("clip", clip)
                .param("sop", json.writeValueAsString(sop))
                .param("code", code)
                .update() == 1;
    }

    private static AlarmType map(ResultSet row) throws SQLException {
        int escalate = row.getInt("escalate_after_seconds");
        Integer escalateAfter = row.wasNull() ? null : escalate;
        String[] sop = (String[]) row.getArray("sop").getArray();
        return new AlarmType(row.getString("code"), row.getInt("priority"), escalateAfter, row.getBoolean("clip"),
                Arrays.asList(sop), row.getString("label_en"), row.getString("label_es"));
    }
}
