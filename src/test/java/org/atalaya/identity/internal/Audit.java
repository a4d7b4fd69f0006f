package org.atalaya.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the audit log's table to check what identity recorded. */
final class Audit {

    private Audit() {
    }

    static int count(JdbcClient jdbc, String action, String outcome, String target) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND outcome = ? AND target = ?")
                .params(action, outcome, target).query(Integer.class).single();
    }

    static int countBy(JdbcClient jdbc, String action, String outcome, String actor) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND outcome = ? AND actor = ?")
                .params(action, outcome, actor).query(Integer.class).single();
    }
}
