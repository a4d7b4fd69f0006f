package org.atalaya.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Warns at start-up when the application's database role could change or remove audit rows itself. */
@Component
class AppendOnlyCheck {

    private static final Logger log = LoggerFactory.getLogger(AppendOnlyCheck.class);

    private final JdbcClient jdbc;

    AppendOnlyCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfAuditRowsAreWritable() {
        if (applicationRoleCanChangeAuditRows()) {
            log.warn("The database role {} may UPDATE or DELETE audit entries; only the append-only triggers protect the"
                    + " log now: connect as a role without those privileges", currentRole());
        }
    }

    boolean applicationRoleCanChangeAuditRows() {
        return jdbc.sql("""
                        SELECT has_table_privilege('audit_entry', 'UPDATE') OR has_table_privilege('audit_entry', 'DELETE')
                            OR has_table_privilege('audit_entry', 'TRUNCATE')""")
                .query(Boolean.class).single();
    }

    private String currentRole() {
        return jdbc.sql("SELECT current_user").query(String.class).single();
    }
}
