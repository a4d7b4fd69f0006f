package org.atalaya.alarm.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates alarms nobody answers: every second, an alarm still new after its type's escalation time (counted from its
 * first signal) is marked escalated and raised one priority (not above 1), audited ({@code alarm.escalated}, by
 * {@code system}) and added to its history. The console shows escalated alarms to supervisors with their own cue.
 */
@BackgroundWorker
class AlarmEscalation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlarmEscalation.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final AlarmStore store;
    private final AuditLog audit;
    private final AlarmNotices notices;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private ScheduledExecutorService ticker;

    AlarmEscalation(JdbcClient jdbc, AlarmStore store, AuditLog audit, AlarmNotices notices, Clock clock,
                    PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Escalates the alarms due at {@code now}; returns their ids. */
    List<Long> escalateDue(Instant now) {
        List<Long> escalated = transaction.execute(status -> {
            List<AlarmRow> due = jdbc.sql("""
                            SELECT a.* FROM alarm a JOIN alarm_type t ON t.code = a.type
                            WHERE a.state = 'new' AND a.escalated_at IS NULL AND t.escalate_after_seconds IS NOT NULL
                              AND a.first_at + make_interval(secs => t.escalate_after_seconds) <= :now
                            ORDER BY a.first_at, a.id
                            LIMIT :batch
                            FOR UPDATE OF a SKIP LOCKED""")
                    .param("now", Timestamp.from(now))
                    .param("batch", BATCH)
                    .query(AlarmStore.ROW)
                    .list();
            for (AlarmRow alarm : due) {
                int raised = Math.max(alarm.priority() - 1, 1);
                store.escalate(alarm.id(), now);
                store.addHistory(alarm.id(), now, "escalated", JdbcAlarmIntake.SYSTEM,
                        "still new; priority " + alarm.priority() + " -> " + raised);
                audit.record(AuditEvent.success("alarm.escalated", alarm.auditTarget()).by(JdbcAlarmIntake.SYSTEM)
                        .with("type", alarm.type()).with("priority", String.valueOf(raised)));
                notices.updated(alarm.id());
            }
            return due.stream().map(AlarmRow::id).toList();
        });
        return escalated == null ? List.of() : escalated;
    }

    private void tick() {
        try {
            escalateDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not escalate unanswered alarms, will try again: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("alarm-escalation").daemon().factory());
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker == null) return;
        ticker.shutdownNow();
        ticker = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
