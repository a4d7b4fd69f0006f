package org.atalaya.alarm.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.atalaya.access.CameraReach;
import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.atalaya.alarm.internal.AlarmState.Step;
import org.atalaya.alarm.AlarmHandedToIncident;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.identity.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What operators do with an alarm. Each action locks the alarm, checks that the user may handle it
 * ({@link Permission#ALARM_HANDLE} for its group) and that its state allows the step, changes it, adds it to the
 * alarm's history and the audit log in the same transaction, and tells the console once committed.
 */
@Component
class AlarmActions {

    static final int MAX_NOTE_LENGTH = 2000;

    private final AlarmStore store;
    private final AlarmQueries queries;
    private final AlarmTypes types;
    private final UserDirectory users;
    private final AuditLog audit;
    private final AlarmNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AlarmActions(AlarmStore store, AlarmQueries queries, AlarmTypes types, UserDirectory users, AuditLog audit,
                 AlarmNotices notices, ApplicationEventPublisher events, Clock clock,
                 PlatformTransactionManager transactionManager) {
        this.store = store;
        this.queries = queries;
        this.types = types;
        this.users = users;
        this.audit = audit;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The alarm as the user may see it: 404 when they may not know of it, 403 when they see its cameras only. */
    AlarmView visible(long id, SignedInUser user) {
        AlarmRow row = store.find(id).orElseThrow(() -> AlarmProblem.notFound(id));
        checkSees(row, user);
        return queries.view(row);
    }

    AlarmView acknowledge(long id, SignedInUser user) {
        return act(id, user, (row, now) -> {
            row.state().after(Step.ACKNOWLEDGE).orElseThrow(() -> AlarmProblem.cannotAcknowledge(id, row.state()));
            store.acknowledge(id, user.username(), now);
            String assignee = row.assignee() == null ? user.username() : row.assignee();
            done(row, now, user, "acknowledged", "assigned to " + assignee,
                    event -> event.with("assignee", assignee));
        });
    }

    AlarmView start(long id, SignedInUser user) {
        return act(id, user, (row, now) -> {
            row.state().after(Step.START).orElseThrow(() -> AlarmProblem.cannotStart(id, row.state()));
            store.start(id, now);
            done(row, now, user, "started", null, event -> event);
        });
    }

    /** Assigns the alarm to the named user, or to the acting user when {@code assignee} is null or blank. */
    AlarmView assign(long id, SignedInUser user, String assignee) {
        String to = assignee == null || assignee.isBlank() ? user.username() : assignee.trim();
        return act(id, user, (row, now) -> {
            if (!row.state().isOpen()) throw AlarmProblem.closed(id);
            if (!to.equals(user.username())) {
                if (users.displayName(to).isEmpty()) throw AlarmProblem.noSuchOperator(to);
                if (!users.grants(to, Permission.ALARM_HANDLE, row.cameraGroup())) throw AlarmProblem.operatorMayNotHandle(to, id);
            }
            store.assign(id, to);
            done(row, now, user, "assigned", "to " + to
                    + (row.assignee() == null ? "" : " (was " + row.assignee() + ")"),
                    event -> row.assignee() == null ? event.with("assignee", to)
                            : event.with("assignee", to).with("previous", row.assignee()));
        });
    }

    AlarmView close(long id, SignedInUser user, String outcomeCode, String note) {
        AlarmOutcome outcome = AlarmOutcome.of(outcomeCode).orElseThrow(() -> AlarmProblem.unknownOutcome(outcomeCode));
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE_LENGTH) throw AlarmProblem.noteTooLong(MAX_NOTE_LENGTH);
        return act(id, user, (row, now) -> {
            row.state().after(Step.CLOSE).orElseThrow(() -> AlarmProblem.closed(id));
            store.close(id, user.username(), now, outcome.code(), cleanNote);
            done(row, now, user, "closed", outcome.code() + (cleanNote == null ? "" : ": " + cleanNote),
                    event -> cleanNote == null ? event.with("outcome", outcome.code())
                            : event.with("outcome", outcome.code()).with("note", cleanNote));
        });
    }

    /** Ticks or unticks one line of the alarm's checklist, counted from 0. */
    AlarmView sop(long id, SignedInUser user, int index, boolean done) {
        return act(id, user, (row, now) -> {
            if (!row.state().isOpen()) throw AlarmProblem.closed(id);
            List<String> lines = types.find(row.type()).map(AlarmType::sop).orElse(List.of());
            if (index < 0 || index >= lines.size()) throw AlarmProblem.noSopLine(id, index, lines.size());
            if (done) {
                store.tick(id, index, user.username(), now);
            } else {
                store.untick(id, index);
            }
            this.done(row, now, user, "sop.ticked",
                    (done ? "done: " : "not done: ") + (index + 1) + ". " + lines.get(index),
                    event -> event.with("line", String.valueOf(index)).with("done", String.valueOf(done)));
        });
    }

    /**
     * Hands the alarm to the emergency services module: publishes {@link AlarmHandedToIncident} in the transaction
     * (so the event publication registry keeps it until handled). Once per alarm.
     */
    AlarmView requestIncident(long id, SignedInUser user) {
        return act(id, user, (row, now) -> {
            if (row.incidentRequestedAt() != null) {
                throw AlarmProblem.incidentAlreadyRequested(id, row.incidentRequestedBy());
            }
            store.requestIncident(id, user.username(), now);
            events.publishEvent(new AlarmHandedToIncident(id, row.type(), row.firstAt(), row.cameraIds(),
                    row.latitude(), row.longitude(), row.detail(), user.username(), now));
            done(row, now, user, "incident.requested", null, event -> event);
        });
    }

    /** One action on the locked alarm, at the given instant. */
    private interface Action {
        void take(AlarmRow row, Instant now);
    }

    private AlarmView act(long id, SignedInUser user, Action action) {
        return transaction.execute(status -> {
            AlarmRow row = store.lock(id).orElseThrow(() -> AlarmProblem.notFound(id));
            checkHandles(row, user);
            action.take(row, clock.instant());
            notices.updated(id);
            return queries.view(store.find(id).orElseThrow());
        });
    }

    private void done(AlarmRow row, Instant now, SignedInUser user, String action, String detail,
                      UnaryOperator<AuditEvent> details) {
        store.addHistory(row.id(), now, action, user.username(), detail);
        audit.record(details.apply(AuditEvent.success("alarm." + action, row.auditTarget())
                .by(user.username()).with("type", row.type())));
    }

    private static void checkSees(AlarmRow row, SignedInUser user) {
        if (AlarmQueries.visible(row.cameraGroup(), user, Permission.ALARM_VIEW)) return;
        if (row.cameraGroup() != null
                && user.reach(Permission.ALARM_VIEW, row.cameraGroup()) == CameraReach.SEEN) {
            throw AlarmProblem.mayNotSee(row.id());
        }
        throw AlarmProblem.notFound(row.id());
    }

    private static void checkHandles(AlarmRow row, SignedInUser user) {
        checkSees(row, user);
        if (!AlarmQueries.visible(row.cameraGroup(), user, Permission.ALARM_HANDLE)) {
            throw AlarmProblem.mayNotHandle(row.id());
        }
    }
}
