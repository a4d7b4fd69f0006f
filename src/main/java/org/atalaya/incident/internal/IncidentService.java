package org.atalaya.incident.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.incident.IncidentOpened;
import org.atalaya.incident.IncidentProperties;
import org.atalaya.incident.IncidentStatus;
import org.atalaya.incident.IncidentStatusChanged;
import org.atalaya.incident.IncidentType;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.incident.IncidentsMerged;
import org.atalaya.incident.NewIncident;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of incidents: opening, moving forward through the stages, the narrative, closing, cancelling and merging
 * duplicates. Each change is time-stamped, written to the incident's log and to the audit log, and published as an
 * event, all in one transaction.
 */
@Service
class IncidentService implements Incidents {

    static final int MAX_OUTCOME = 500;
    static final int MAX_TEXT = 4000;
    static final int MAX_ADDRESS = 500;
    /** The most incidents one report of "opened between" lists. */
    static final int MAX_LISTED = 5000;

    private final IncidentStore store;
    private final IncidentTypeStore types;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final IncidentProperties properties;
    private final Clock clock;

    IncidentService(IncidentStore store, IncidentTypeStore types, AuditLog audit, ApplicationEventPublisher events,
                    IncidentProperties properties, Clock clock) {
        this.store = store;
        this.types = types;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IncidentView open(NewIncident incident, String actor) {
        IncidentType type = validType(incident.typeCode());
        int priority = incident.priority() == null ? type.defaultPriority() : incident.priority();
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("The priority goes from 1 (most urgent) to 5 (not " + priority + ").");
        }
        validPlace(incident.latitude(), incident.longitude());
        if (incident.address() != null && incident.address().length() > MAX_ADDRESS) {
            throw new IllegalArgumentException("The address may be at most " + MAX_ADDRESS + " characters long.");
        }
        if (incident.summary() != null && incident.summary().length() > MAX_TEXT) {
            throw new IllegalArgumentException("The summary may be at most " + MAX_TEXT + " characters long.");
        }
        Instant now = clock.instant();
        long id = store.insert(trimmed(incident), priority, properties.numberPrefix(), now, actor);
        IncidentRow opened = existing(id);
        String summary = opened.view().summary();
        store.log(id, now, actor, LogEntry.Kind.STATUS, summary == null || summary.isBlank() ? "Opened" : summary,
                null, IncidentStatus.NEW);
        audit.record(AuditEvent.success("incident.opened", opened.auditTarget()).by(actor)
                .with("type", type.code()).with("priority", String.valueOf(priority)));
        IncidentView view = opened.view();
        events.publishEvent(new IncidentOpened(id, view.number(), view.typeCode(), view.priority(), view.latitude(),
                view.longitude(), now, actor));
        return view;
    }

    private static NewIncident trimmed(NewIncident incident) {
        return new NewIncident(incident.typeCode(), incident.priority(), incident.latitude(), incident.longitude(),
                blankToNull(incident.address()), blankToNull(incident.summary()), incident.callOfferedAt(),
                incident.callAnsweredAt(), incident.alarmId());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private IncidentType validType(String code) {
        IncidentType type = types.find(code).orElseThrow(() ->
                new IllegalArgumentException("There is no incident type " + code + "."));
        if (!type.active()) {
            throw new IllegalArgumentException("The incident type " + code + " is no longer in use.");
        }
        return type;
    }

    private static void validPlace(Double latitude, Double longitude) {
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("A place needs both latitude and longitude, or neither.");
        }
        if (latitude == null) return;
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("The latitude must be between -90 and 90 (not " + latitude + ").");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("The longitude must be between -180 and 180 (not " + longitude + ").");
        }
    }

    @Override
    public Optional<IncidentView> find(long id) {
        return store.find(id).map(IncidentRow::view);
    }

    /** The incident with what only this module shows. */
    IncidentRow row(long id) {
        return existing(id);
    }

    List<LogEntry> narrative(long id) {
        return store.log(id);
    }

    /** Reading one incident with its narrative, which may hold personal data: audited. */
    IncidentRow viewed(long id, String actor) {
        IncidentRow row = existing(id);
        audit.record(AuditEvent.success("incident.viewed", row.auditTarget()).by(actor));
        return row;
    }

    @Override
    public List<IncidentView> active() {
        return store.active().stream().map(IncidentRow::view).toList();
    }

    List<IncidentRow> activeRows() {
        return store.active();
    }

    /** Every incident opened in [from, to): reports need them all. */
    @Override
    public List<IncidentView> openedBetween(Instant from, Instant to) {
        return store.openedBetween(from, to, Integer.MAX_VALUE).stream().map(IncidentRow::view).toList();
    }

    /** The latest {@link #MAX_LISTED} incidents opened in [from, to), for the lists people read. */
    List<IncidentView> listedBetween(Instant from, Instant to) {
        return store.openedBetween(from, to, MAX_LISTED).stream().map(IncidentRow::view).toList();
    }

    @Override
    @Transactional
    public IncidentView advance(long id, IncidentStatus stage, Instant at, String actor) {
        if (stage == null || stage == IncidentStatus.NEW || stage.ended()) {
            throw new IllegalArgumentException("An incident advances to DISPATCHED, EN_ROUTE or ON_SCENE (not "
                    + stage + ").");
        }
        IncidentRow row = store.lock(id).orElseThrow(() -> IncidentProblem.notFound(id));
        IncidentStatus from = row.view().status();
        if (from.ended() || from.ordinal() >= stage.ordinal()) return row.view();
        store.advance(id, stage, at);
        store.log(id, at, actor, LogEntry.Kind.STATUS, stage.name(), from, stage);
        audit.record(AuditEvent.success("incident.status", row.auditTarget()).by(actor)
                .with("from", from.name()).with("to", stage.name()).with("at", at.toString()));
        events.publishEvent(new IncidentStatusChanged(id, row.number(), from, stage, at, actor));
        return existing(id).view();
    }

    @Override
    @Transactional
    public void log(long id, String text, String actor) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("A note needs some text.");
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A note may be at most " + MAX_TEXT + " characters long.");
        }
        IncidentRow row = store.lock(id).orElseThrow(() -> IncidentProblem.notFound(id));
        store.log(id, clock.instant(), actor, LogEntry.Kind.NOTE, text.strip(), null, null);
        audit.record(AuditEvent.success("incident.note", row.auditTarget()).by(actor));
    }

    /** An entry that is not a note: a call, an alarm or a unit, as other modules' doings reach the narrative. */
    @Transactional
    void record(long id, LogEntry.Kind kind, String text, String actor) {
        store.log(id, clock.instant(), actor, kind, text, null, null);
    }

    /** Closes the incident with its outcome: what was found and done. */
    @Transactional
    public IncidentView close(long id, String outcome, String actor) {
        if (outcome == null || outcome.isBlank() || outcome.length() > MAX_OUTCOME) {
            throw IncidentProblem.outcomeNeeded();
        }
        return end(id, IncidentStatus.CLOSED, outcome.strip(), actor, "incident.closed");
    }

    /** Cancels the incident (a false report, a prank, a call about something else) with the reason. */
    @Transactional
    public IncidentView cancel(long id, String reason, String actor) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_OUTCOME) throw IncidentProblem.reasonNeeded();
        return end(id, IncidentStatus.CANCELLED, reason.strip(), actor, "incident.cancelled");
    }

    private IncidentView end(long id, IncidentStatus status, String outcome, String actor, String action) {
        IncidentRow row = store.lock(id).orElseThrow(() -> IncidentProblem.notFound(id));
        IncidentStatus from = row.view().status();
        if (from.ended()) throw IncidentProblem.ended(row.number());
        Instant now = clock.instant();
        store.end(id, status, now, outcome, null);
        store.log(id, now, actor, LogEntry.Kind.STATUS, outcome, from, status);
        audit.record(AuditEvent.success(action, row.auditTarget()).by(actor).with("from", from.name()));
        events.publishEvent(new IncidentStatusChanged(id, row.number(), from, status, now, actor));
        return existing(id).view();
    }

    /**
     * Merges the duplicate into the survivor: the duplicate's narrative is copied into the survivor's, the survivor
     * keeps the earliest call, and the duplicate is cancelled, pointing at the survivor.
     */
    @Transactional
    public IncidentView merge(long duplicateId, long survivorId, String actor) {
        IncidentRow first = store.lock(Math.min(duplicateId, survivorId))
                .orElseThrow(() -> IncidentProblem.notFound(Math.min(duplicateId, survivorId)));
        if (duplicateId == survivorId) throw IncidentProblem.mergeIntoItself(first.number());
        IncidentRow second = store.lock(Math.max(duplicateId, survivorId))
                .orElseThrow(() -> IncidentProblem.notFound(Math.max(duplicateId, survivorId)));
        IncidentRow duplicate = first.id() == duplicateId ? first : second;
        IncidentRow survivor = first.id() == survivorId ? first : second;
        if (duplicate.view().status().ended()) throw IncidentProblem.ended(duplicate.number());
        if (survivor.view().status().ended()) throw IncidentProblem.mergeIntoEnded(survivor.number());

        Instant now = clock.instant();
        IncidentStatus from = duplicate.view().status();
        store.copyLog(duplicateId, duplicate.number(), survivorId);
        store.keepEarliestCall(survivorId, duplicateId);
        store.log(survivorId, now, actor, LogEntry.Kind.MERGE, "Merged " + duplicate.number() + " into this incident",
                null, null);
        String outcome = "Merged into " + survivor.number();
        store.end(duplicateId, IncidentStatus.CANCELLED, now, outcome, survivorId);
        store.log(duplicateId, now, actor, LogEntry.Kind.MERGE, outcome, from, IncidentStatus.CANCELLED);
        audit.record(AuditEvent.success("incident.merged", duplicate.auditTarget()).by(actor)
                .with("into", survivor.number()));
        events.publishEvent(new IncidentStatusChanged(duplicateId, duplicate.number(), from,
                IncidentStatus.CANCELLED, now, actor));
        events.publishEvent(new IncidentsMerged(duplicateId, survivorId, now, actor));
        return existing(survivorId).view();
    }

    @Override
    public List<IncidentView> possibleDuplicates(String typeCode, Double latitude, Double longitude, Instant at) {
        if (typeCode == null || latitude == null || longitude == null || at == null) return List.of();
        double radius = properties.duplicateRadius();
        Duration window = properties.duplicateWindow();
        return store.activeNear(family(typeCode), Geo.around(latitude, longitude, radius), at.minus(window),
                        at.plus(window)).stream()
                .map(IncidentRow::view)
                .filter(view -> distance(view, latitude, longitude) <= radius)
                .sorted(Comparator.comparingDouble(view -> distance(view, latitude, longitude)))
                .toList();
    }

    /** The open incidents that may be the same as this one, itself left out. */
    List<IncidentView> duplicatesOf(long id) {
        IncidentView incident = existing(id).view();
        if (incident.status().ended()) return List.of();
        Instant at = incident.callOfferedAt() == null ? incident.createdAt() : incident.callOfferedAt();
        return possibleDuplicates(incident.typeCode(), incident.latitude(), incident.longitude(), at).stream()
                .filter(candidate -> candidate.id() != id).toList();
    }

    /** Types of one family share the first word of their code: FIRE_STRUCTURE and FIRE_VEHICLE are both FIRE. */
    static String family(String typeCode) {
        int underscore = typeCode.indexOf('_');
        return underscore < 0 ? typeCode : typeCode.substring(0, underscore);
    }

    private static double distance(IncidentView view, double latitude, double longitude) {
        return Geo.distanceMetres(view.latitude(), view.longitude(), latitude, longitude);
    }

    private IncidentRow existing(long id) {
        return store.find(id).orElseThrow(() -> IncidentProblem.notFound(id));
    }
}
