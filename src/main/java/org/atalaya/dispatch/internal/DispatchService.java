package org.atalaya.dispatch.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.AssignmentTimes;
import org.atalaya.dispatch.Assignments;
import org.atalaya.dispatch.UnitChanged;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.Units;
import org.atalaya.incident.IncidentStatus;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Units' status and assignments: AVAILABLE, then (assigned) DISPATCHED, EN_ROUTE, ON_SCENE, and AVAILABLE again when
 * cleared; OUT_OF_SERVICE to and from AVAILABLE (a unit going out of service while assigned is released first). Each
 * stage is time-stamped on the assignment and moves the incident along; every change is audited, and once committed
 * the units held in memory are reloaded and {@link UnitChanged} is published.
 */
@Service
class DispatchService implements Units, Assignments {

    private final JdbcClient jdbc;
    private final UnitDirectory directory;
    private final Incidents incidents;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DispatchService(JdbcClient jdbc, UnitDirectory directory, Incidents incidents, AuditLog audit,
                    ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.incidents = incidents;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    // ---- Units

    /** The units in service (listed), by call sign. */
    @Override
    public List<UnitView> all() {
        return directory.all().stream().filter(UnitRecord::active).map(UnitRecord::view).toList();
    }

    @Override
    public Optional<UnitView> find(long id) {
        return directory.find(id).map(UnitRecord::view);
    }

    @Override
    public Optional<UnitView> signedOnBy(String username) {
        return jdbc.sql("SELECT unit_id FROM unit_sign_ons WHERE username = ?").param(username).query(Long.class)
                .optional().flatMap(this::find);
    }

    @Override
    public UnitView signOn(String username, long unitId) {
        UnitRecord unit = directory.find(unitId).filter(UnitRecord::active)
                .orElseThrow(() -> new IllegalArgumentException("There is no unit " + unitId + " in service."));
        inTransaction(() -> {
            jdbc.sql("""
                    INSERT INTO unit_sign_ons (username, unit_id, since) VALUES (?, ?, ?)
                    ON CONFLICT (username) DO UPDATE SET unit_id = excluded.unit_id, since = excluded.since""")
                    .param(username).param(unitId).param(Timestamp.from(clock.instant())).update();
            audit.record(AuditEvent.success("unit.sign-on", target(unit)).by(username));
            return List.of();
        });
        return unit.view();
    }

    @Override
    public void signOff(String username) {
        inTransaction(() -> {
            Optional<Long> unitId = jdbc.sql("DELETE FROM unit_sign_ons WHERE username = ? RETURNING unit_id")
                    .param(username).query(Long.class).optional();
            unitId.flatMap(directory::find).ifPresent(unit ->
                    audit.record(AuditEvent.success("unit.sign-off", target(unit)).by(username)));
            return List.of();
        });
    }

    @Override
    public UnitView changeStatus(long unitId, UnitStatus status, String actor) {
        inTransaction(() -> {
            UnitRecord unit = locked(unitId);
            UnitStatus from = unit.status();
            if (from == status) return List.of();
            Instant now = clock.instant();
            String number = numberOf(unit.view().incidentId());
            switch (status) {
                case AVAILABLE -> {
                    if (from != UnitStatus.OUT_OF_SERVICE) clearAssignment(unit, "cleared by the unit", now);
                    setStatus(unitId, UnitStatus.AVAILABLE, null, now);
                }
                case OUT_OF_SERVICE -> {
                    if (from != UnitStatus.AVAILABLE) clearAssignment(unit, "unit out of service", now);
                    setStatus(unitId, UnitStatus.OUT_OF_SERVICE, null, now);
                }
                case DISPATCHED -> throw new IllegalArgumentException(from == UnitStatus.AVAILABLE
                        ? unit.callSign() + " is dispatched by assigning it to an incident."
                        : unit.callSign() + " is already " + words(from) + "; it cannot go back to dispatched.");
                case EN_ROUTE -> {
                    if (from != UnitStatus.DISPATCHED) throw refused(unit, status);
                    stamp(unitId, "en_route_at", now);
                    setStatus(unitId, status, unit.view().incidentId(), now);
                    incidents.advance(unit.view().incidentId(), IncidentStatus.EN_ROUTE, now, actor);
                }
                case ON_SCENE -> {
                    if (from != UnitStatus.DISPATCHED && from != UnitStatus.EN_ROUTE) throw refused(unit, status);
                    stamp(unitId, "on_scene_at", now);
                    setStatus(unitId, status, unit.view().incidentId(), now);
                    incidents.advance(unit.view().incidentId(), IncidentStatus.ON_SCENE, now, actor);
                }
            }
            AuditEvent event = AuditEvent.success("unit.status", target(unit)).by(actor)
                    .with("from", from.name()).with("to", status.name());
            audit.record(number == null ? event : event.with("incident", number));
            return List.of(unitId);
        });
        return find(unitId).orElseThrow();
    }

    // ---- Assignments

    /**
     * Assigns available units to an incident; all or none.
     *
     * @throws DispatchProblem 404 for an unknown incident or unit, 409 when the incident has ended or a unit is not
     *                         available
     */
    List<UnitView> assign(long incidentId, Collection<Long> unitIds, String actor) {
        if (unitIds == null || unitIds.isEmpty()) throw DispatchProblem.invalid("Name at least one unit to assign.");
        Set<Long> ids = new LinkedHashSet<>(unitIds);
        inTransaction(() -> {
            IncidentView incident = incidents.find(incidentId).orElseThrow(() -> DispatchProblem.noIncident(incidentId));
            if (incident.status().ended()) {
                throw DispatchProblem.conflict(incident.number() + " is " + incident.status().name().toLowerCase()
                        + "; units are no longer assigned to it.");
            }
            Instant now = clock.instant();
            for (long unitId : ids.stream().sorted().toList()) {
                UnitRecord unit = lockedOr404(unitId);
                if (!unit.active()) throw DispatchProblem.conflict(unit.callSign() + " is not in service.");
                if (unit.status() != UnitStatus.AVAILABLE) {
                    String on = numberOf(unit.view().incidentId());
                    throw DispatchProblem.conflict(on != null
                            ? unit.callSign() + " is already on " + on + "."
                            : unit.callSign() + " is " + words(unit.status()) + ".");
                }
                jdbc.sql("""
                        INSERT INTO assignments (incident_id, unit_id, dispatched_at, dispatched_by)
                        VALUES (?, ?, ?, ?)""").param(incidentId).param(unitId).param(Timestamp.from(now))
                        .param(actor).update();
                setStatus(unitId, UnitStatus.DISPATCHED, incidentId, now);
                audit.record(AuditEvent.success("unit.assigned", target(unit)).by(actor)
                        .with("incident", incident.number()));
            }
            incidents.advance(incidentId, IncidentStatus.DISPATCHED, now, actor);
            return List.copyOf(ids);
        });
        return ids.stream().map(id -> find(id).orElseThrow()).toList();
    }

    /**
     * Releases a unit from an incident: it is available again.
     *
     * @throws DispatchProblem 404 when the unit is not on that incident
     */
    UnitView release(long incidentId, long unitId, String actor) {
        inTransaction(() -> {
            UnitRecord unit = lockedOr404(unitId);
            if (unit.view().incidentId() == null || unit.view().incidentId() != incidentId) {
                String number = incidents.find(incidentId).map(IncidentView::number).orElse("incident " + incidentId);
                throw DispatchProblem.notFound(unit.callSign() + " is not assigned to " + number + ".");
            }
            Instant now = clock.instant();
            clearAssignment(unit, "released by the dispatcher", now);
            setStatus(unitId, UnitStatus.AVAILABLE, null, now);
            audit.record(AuditEvent.success("unit.released", target(unit)).by(actor)
                    .with("incident", numberOf(incidentId)));
            return List.of(unitId);
        });
        return find(unitId).orElseThrow();
    }

    /** The incident has ended: its units are cleared and available. */
    void clearIncident(long incidentId, String reason, String actor) {
        inTransaction(() -> {
            List<Long> unitIds = openUnitsOf(incidentId);
            Instant now = clock.instant();
            String number = numberOf(incidentId);
            for (long unitId : unitIds) {
                UnitRecord unit = locked(unitId);
                clearAssignment(unit, reason, now);
                setStatus(unitId, UnitStatus.AVAILABLE, null, now);
                audit.record(AuditEvent.success("unit.released", target(unit)).by(actor)
                        .with("incident", number).with("reason", reason));
            }
            return unitIds;
        });
    }

    /** A duplicate was merged: its open assignments (stage times kept) now belong to the survivor. */
    void moveAssignments(long duplicateId, long survivorId, String actor) {
        inTransaction(() -> {
            List<Long> unitIds = openUnitsOf(duplicateId);
            if (unitIds.isEmpty()) return unitIds;
            jdbc.sql("UPDATE assignments SET incident_id = ? WHERE incident_id = ? AND cleared_at IS NULL")
                    .param(survivorId).param(duplicateId).update();
            jdbc.sql("UPDATE units SET incident_id = ? WHERE incident_id = ?").param(survivorId).param(duplicateId)
                    .update();
            String from = numberOf(duplicateId);
            String to = numberOf(survivorId);
            for (long unitId : unitIds) {
                directory.find(unitId).ifPresent(unit -> audit.record(AuditEvent.success("unit.moved", target(unit))
                        .by(actor).with("incident", to).with("from", from)));
            }
            Instant now = clock.instant();
            incidents.advance(survivorId, IncidentStatus.DISPATCHED, now, actor);
            return unitIds;
        });
    }

    /** The open and past assignments of one incident, oldest first, with the call signs. */
    List<AssignmentRow> assignmentsOf(long incidentId) {
        return jdbc.sql("""
                SELECT s.id, s.unit_id, u.call_sign, u.unit_type, s.dispatched_at, s.dispatched_by, s.en_route_at,
                       s.on_scene_at, s.cleared_at, s.cleared_reason
                FROM assignments s JOIN units u ON u.id = s.unit_id
                WHERE s.incident_id = ? ORDER BY s.dispatched_at, s.id""").param(incidentId)
                .query((row, n) -> new AssignmentRow(row.getLong("id"), row.getLong("unit_id"),
                        row.getString("call_sign"), row.getString("unit_type"), instant(row, "dispatched_at"),
                        row.getString("dispatched_by"), instant(row, "en_route_at"), instant(row, "on_scene_at"),
                        instant(row, "cleared_at"), row.getString("cleared_reason")))
                .list();
    }

    @Override
    public List<AssignmentTimes> ofIncidents(Collection<Long> incidentIds) {
        if (incidentIds.isEmpty()) return List.of();
        return jdbc.sql("""
                SELECT s.incident_id, s.unit_id, a.name AS agency, a.kind, u.unit_type, s.dispatched_at,
                       s.en_route_at, s.on_scene_at, s.cleared_at
                FROM assignments s JOIN units u ON u.id = s.unit_id JOIN agencies a ON a.id = u.agency_id
                WHERE s.incident_id IN (:ids) ORDER BY s.dispatched_at, s.id""")
                .param("ids", List.copyOf(incidentIds)).query((row, n) -> new AssignmentTimes(row.getLong("incident_id"), row.getLong("unit_id"),
                row.getString("agency"), AgencyKind.valueOf(row.getString("kind")),
                row.getString("unit_type"), instant(row, "dispatched_at"), instant(row, "en_route_at"),
                instant(row, "on_scene_at"), instant(row, "cleared_at"))).list();
    }

    // ---- helpers

    /**
     * Runs the work in a transaction (joining the caller's), and once it committed reloads the units it names and
     * tells who listens.
     */
    void inTransaction(Supplier<List<Long>> work) {
        transaction.executeWithoutResult(status -> {
            List<Long> changed = work.get();
            if (!changed.isEmpty()) afterCommit(() -> announce(changed));
        });
    }

    /** Reloads the units in memory and tells listeners, after the change committed. */
    void announce(Collection<Long> unitIds) {
        directory.reload(unitIds);
        Instant now = clock.instant();
        for (long id : unitIds) directory.find(id).ifPresent(unit -> events.publishEvent(new UnitChanged(unit.view(), now)));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private List<Long> openUnitsOf(long incidentId) {
        return jdbc.sql("SELECT unit_id FROM assignments WHERE incident_id = ? AND cleared_at IS NULL ORDER BY unit_id")
                .param(incidentId).query(Long.class).list();
    }

    /** The unit as the database has it now, locked until the transaction ends. */
    private UnitRecord locked(long unitId) {
        return jdbc.sql(UnitDirectory.SELECT + " WHERE u.id = ? FOR UPDATE OF u").param(unitId)
                .query(UnitDirectory::read).optional()
                .orElseThrow(() -> new IllegalArgumentException("There is no unit " + unitId + "."));
    }

    private UnitRecord lockedOr404(long unitId) {
        try {
            return locked(unitId);
        } catch (IllegalArgumentException missing) {
            throw DispatchProblem.noUnit(unitId);
        }
    }

    private void clearAssignment(UnitRecord unit, String reason, Instant at) {
        jdbc.sql("UPDATE assignments SET cleared_at = ?, cleared_reason = ? WHERE unit_id = ? AND cleared_at IS NULL")
                .param(Timestamp.from(at)).param(reason).param(unit.id()).update();
    }

    private void stamp(long unitId, String column, Instant at) {
        jdbc.sql("UPDATE assignments SET " + column + " = ? WHERE unit_id = ? AND cleared_at IS NULL AND "
                + column + " IS NULL").param(Timestamp.from(at)).param(unitId).update();
    }

    private void setStatus(long unitId, UnitStatus status, Long incidentId, Instant at) {
        jdbc.sql("UPDATE units SET status = ?, incident_id = ?, status_since = ? WHERE id = ?").param(status.name())
                .param(incidentId).param(Timestamp.from(at)).param(unitId).update();
    }

    private String numberOf(Long incidentId) {
        if (incidentId == null) return null;
        return incidents.find(incidentId).map(IncidentView::number).orElse("incident " + incidentId);
    }

    private static IllegalArgumentException refused(UnitRecord unit, UnitStatus to) {
        if (unit.status() == UnitStatus.AVAILABLE || unit.status() == UnitStatus.OUT_OF_SERVICE) {
            return new IllegalArgumentException(unit.callSign() + " has no incident to be " + words(to) + " at.");
        }
        return new IllegalArgumentException(unit.callSign() + " is already " + words(unit.status())
                + "; it cannot go back to " + words(to) + ".");
    }

    static String words(UnitStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }

    static String target(UnitRecord unit) {
        return "unit:" + unit.callSign();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** One assignment, for the incident's panel and the API. */
    record AssignmentRow(long id, long unitId, String callSign, String unitType, Instant dispatchedAt,
                         String dispatchedBy, Instant enRouteAt, Instant onSceneAt, Instant clearedAt,
                         String clearedReason) {

        public boolean open() {
            return clearedAt == null;
        }
    }
}
