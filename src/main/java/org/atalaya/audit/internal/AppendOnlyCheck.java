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
            log.warn("The database role {} may change or remove audit entries (it owns the audit tables, is a superuser,"
                    + " or holds UPDATE, DELETE or TRUNCATE on them); only the append-only triggers, which such a role can"
                    + " disable, protect the log now: run migrations as a separate owner role (atalaya.database."
                    + "owner-username) and connect as a role without those privileges", currentRole());
        }
    }

    /** Privileges, ownership (an owner can grant itself anything and disable triggers) or superuser rights. */
    boolean applicationRoleCanChangeAuditRows() {
        return jdbc.sql("""
                        SELECT has_table_privilege('audit_entry', 'UPDATE') OR has_table_privilege('audit_entry', 'DELETE')
                            OR has_table_privilege('audit_entry', 'TRUNCATE')
                            OR pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'audit_entry'::regclass), 'USAGE')
                            OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)""")
                .query(Boolean.class).single();
    }

    private String currentRole() {
        return jdbc.sql("SELECT current_user").query(String.class).single();
    }
}
