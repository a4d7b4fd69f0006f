package org.atalaya.tracking.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.tracking.TrackingProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the daily partitions of the positions ready some days ahead and drops the days past retention, each drop
 * audited as {@code tracking.positions.purged}. The work itself is done by the two database functions of migration
 * V19, which the application role may call but could not do itself (ADR 0020).
 */
@Component
class PartitionMaintenance {

    /** One day of positions dropped ({@code day} null: older fixes deleted from the default partition). */
    record Purged(LocalDate day, long rows) {
    }

    /** What one run did. */
    record Outcome(int created, List<Purged> purged) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final TrackingProperties properties;

    PartitionMaintenance(JdbcClient jdbc, PlatformTransactionManager transactionManager, AuditLog audit,
                         TrackingProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.audit = audit;
        this.properties = properties;
    }

    /** Prepares today and the days ahead and drops the days before today minus the retention, in one transaction. */
    synchronized Outcome run(LocalDate today) {
        return transactions.execute(status -> {
            int created = jdbc.sql("SELECT tracking_prepare_partitions(?, ?)")
                    .param(Date.valueOf(today)).param(properties.partitionsAhead() + 1)
                    .query(Integer.class).single();
            LocalDate firstKept = today.minusDays(properties.retentionDays());
            List<Purged> purged = jdbc.sql("SELECT partition_day, removed_rows FROM tracking_drop_partitions_before(?)")
                    .param(Date.valueOf(firstKept))
                    .query((rs, n) -> new Purged(rs.getObject("partition_day", LocalDate.class),
                            rs.getLong("removed_rows")))
                    .list();
            for (Purged day : purged) {
                audit.record(AuditEvent.success("tracking.positions.purged",
                                day.day() == null ? "positions:before-" + firstKept : "positions:" + day.day())
                        .by("system")
                        .with("rows", Long.toString(day.rows()))
                        .with("retentionDays", Integer.toString(properties.retentionDays())));
            }
            return new Outcome(created, purged);
        });
    }
}
