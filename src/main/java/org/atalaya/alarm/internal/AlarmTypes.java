package org.atalaya.alarm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The alarm types ({@code alarm_type}): their priority, escalation, clips and checklist. */
@Component
class AlarmTypes {

    static final int MAX_SOP_LINES = 20;
    static final int MAX_SOP_LINE_LENGTH = 300;
    static final int MAX_ESCALATE_AFTER_SECONDS = 86_400;

    /** How a supervisor changes a type; every field is required except {@code escalateAfterSeconds} (null: never). */
    record Change(Integer priority, Integer escalateAfterSeconds, Boolean clip, List<String> sop) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    AlarmTypes(JdbcClient jdbc, JsonMapper json, AuditLog audit, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    List<AlarmType> all() {
        return jdbc.sql("SELECT * FROM alarm_type ORDER BY priority, code").query((row, number) -> map(row)).list();
    }

    Optional<AlarmType> find(String code) {
        return jdbc.sql("SELECT * FROM alarm_type WHERE code = ?").param(code).query((row, number) -> map(row))
                .optional();
    }

    /**
     * Changes how alarms of a type are handled from now on, audited ({@code alarm.type.changed}) by {@code by}; alarms
     * already open keep their priority.
     */
    AlarmType change(String code, Change change, String by) {
        List<String> sop = validSop(change.sop());
        if (change.priority() == null || change.priority() < 1 || change.priority() > 5) {
            throw AlarmProblem.invalidType("The priority is a number from 1 (most urgent) to 5.",
                    "alarm.problem.type.priority");
        }
        Integer escalate = change.escalateAfterSeconds();
        if (escalate != null && (escalate < 1 || escalate > MAX_ESCALATE_AFTER_SECONDS)) {
            throw AlarmProblem.invalidType("Escalate after is a number of seconds from 1 to "
                    + MAX_ESCALATE_AFTER_SECONDS + ", or empty for never.", "alarm.problem.type.escalate",
                    MAX_ESCALATE_AFTER_SECONDS);
        }
        if (change.clip() == null) {
            throw AlarmProblem.invalidType("Say whether alarms of this type record clips (clip: true or false).",
                    "alarm.problem.type.clip");
        }
        return transaction.execute(status -> {
            AlarmType before = find(code).orElseThrow(() -> AlarmProblem.noType(code));
            jdbc.sql("""
                            UPDATE alarm_type
                            SET priority = :priority, escalate_after_seconds = :escalate, clip = :clip,
                                sop = ARRAY(SELECT jsonb_array_elements_text(CAST(:sop AS jsonb)))
                            WHERE code = :code""")
                    .param("priority", change.priority())
                    .param("escalate", escalate)
                    .param("clip", change.clip())
                    .param("sop", json.writeValueAsString(sop))
                    .param("code", code)
                    .update();
            AlarmType after = find(code).orElseThrow();
            audit.record(AuditEvent.success("alarm.type.changed", "alarm-type:" + code).by(by)
                    .with("before", describe(before)).with("after", describe(after)));
            return after;
        });
    }

    private static List<String> validSop(List<String> sop) {
        if (sop == null || sop.isEmpty() || sop.size() > MAX_SOP_LINES) {
            throw AlarmProblem.invalidType("The checklist needs 1 to " + MAX_SOP_LINES + " lines.",
                    "alarm.problem.type.sop-lines", MAX_SOP_LINES);
        }
        List<String> lines = sop.stream().map(line -> line == null ? "" : line.strip()).toList();
        if (lines.stream().anyMatch(line -> line.isEmpty() || line.length() > MAX_SOP_LINE_LENGTH)) {
            throw AlarmProblem.invalidType("Each checklist line needs words, at most " + MAX_SOP_LINE_LENGTH
                    + " characters.", "alarm.problem.type.sop-line", MAX_SOP_LINE_LENGTH);
        }
        return lines;
    }

    private static String describe(AlarmType type) {
        return "priority " + type.priority() + ", escalate after "
                + (type.escalateAfterSeconds() == null ? "never" : type.escalateAfterSeconds() + " s")
                + ", clip " + type.clip() + ", checklist " + String.join(" | ", type.sop());
    }

    private static AlarmType map(ResultSet row) throws SQLException {
        int escalate = row.getInt("escalate_after_seconds");
        Integer escalateAfter = row.wasNull() ? null : escalate;
        String[] sop = (String[]) row.getArray("sop").getArray();
        return new AlarmType(row.getString("code"), row.getInt("priority"), escalateAfter, row.getBoolean("clip"),
                Arrays.asList(sop), row.getString("label_en"), row.getString("label_es"));
    }
}
