package org.atalaya.intake.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.incident.NewIncident;
import org.atalaya.intake.CallChannel;
import org.atalaya.telephony.CallerLocation;
import org.atalaya.telephony.EmergencyCallEnded;
import org.atalaya.telephony.EmergencyCallOffered;
import org.atalaya.telephony.EmergencyLines;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to calls: SIP calls ring and end as telephony reports them; a call-taker answers one (the first to
 * answer wins), types in one that came by ordinary phone, hangs up, and takes the call down as a new incident or adds
 * it to an existing one. Answering, hanging up and adding a call to an incident are audited.
 */
@Component
class CallDesk {

    private final CallStore store;
    private final CallViews views;
    private final CallStream stream;
    private final EmergencyLines lines;
    private final Incidents incidents;
    private final IntakeValidation validation;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final Clock clock;

    CallDesk(CallStore store, CallViews views, CallStream stream, EmergencyLines lines, Incidents incidents,
             IntakeValidation validation, AuditLog audit, TransactionTemplate transaction, MessageSource messages,
             Clock clock) {
        this.store = store;
        this.views = views;
        this.stream = stream;
        this.lines = lines;
        this.incidents = incidents;
        this.validation = validation;
        this.audit = audit;
        this.transaction = transaction;
        this.messages = messages;
        this.clock = clock;
    }

    /** A SIP call rings: stored, and offered on every call-taker's console. */
    @EventListener
    void on(EmergencyCallOffered offered) {
        CallerLocation location = offered.location();
        boolean point = location != null && location.hasPoint();
        store.insertOffered(new CallStore.OfferedCall(offered.callId(), offered.callerUri(),
                        CallerNumber.of(offered.callerUri()), offered.callerName(),
                        point ? location.latitude() : null, point ? location.longitude() : null,
                        point ? location.radiusMetres() : null, location == null ? null : location.civicAddress(),
                        offered.locationProblem(), offered.offeredAt()))
                .ifPresent(stream::changed);
    }

    /** A SIP call ended (abandoned when never answered): the consoles show it ended. */
    @EventListener
    void on(EmergencyCallEnded ended) {
        store.endSip(ended.callId(), ended.endedAt()).ifPresent(stream::changed);
    }

    /**
     * Answers a ringing call for the user. The call is claimed in the database first, so of two call-takers
     * answering at once exactly one wins; the other hears who did. The answer is audited with the claim, before the
     * line answers (an answer that cannot be audited is not made); when the line can no longer answer (the caller
     * has gone), the claim is undone, the call is abandoned and the failed answer is audited too.
     */
    CallView answer(long id, SignedInUser user) {
        CallRow call = store.find(id).orElseThrow(() -> IntakeProblem.notFound(id));
        Instant now = clock.instant();
        Boolean claimed = transaction.execute(status -> {
            if (!store.claim(id, user.username(), now)) return false;
            audit.record(withSipCallId(AuditEvent.success("call.answered", target(id)), call).by(user.username()));
            return true;
        });
        if (!Boolean.TRUE.equals(claimed)) throw whyNotRinging(id);
        if (call.channel() == CallChannel.SIP && !lines.answer(call.sipCallId())) {
            transaction.executeWithoutResult(status -> {
                store.abandonClaimed(id, clock.instant());
                audit.record(withSipCallId(AuditEvent.failure("call.answered", target(id)), call).by(user.username())
                        .with("why", "the caller hung up"));
            });
            stream.changed(id);
            throw IntakeProblem.callerGone(id);
        }
        stream.changed(id);
        return views.find(id).orElseThrow();
    }

    /** Hangs up an answered call. The call ends here before the SIP side hangs up, so its echo changes nothing. */
    CallView hangUp(long id, SignedInUser user) {
        CallRow call = store.find(id).orElseThrow(() -> IntakeProblem.notFound(id));
        if (call.endedAt() != null) throw IntakeProblem.ended(id);
        if (call.answeredAt() == null) throw IntakeProblem.notAnswered(id);
        transaction.executeWithoutResult(status -> {
            if (!store.end(id, clock.instant())) throw IntakeProblem.ended(id);
            audit.record(withSipCallId(AuditEvent.success("call.hung-up", target(id)), call).by(user.username()));
        });
        if (call.channel() == CallChannel.SIP) lines.hangUp(call.sipCallId());
        stream.changed(id);
        return views.find(id).orElseThrow();
    }

    /** A call that came by ordinary phone: offered and answered now, by the user. */
    CallView newManual(ManualCallRequest request, SignedInUser user) {
        validation.check(request);
        long id = transaction.execute(status -> {
            long created = store.insertManual(trimmed(request.callerNumber()), trimmed(request.callerName()),
                    clock.instant(), user.username());
            audit.record(AuditEvent.success("call.taken-by-hand", target(created)).by(user.username()));
            return created;
        });
        stream.changed(id);
        return views.find(id).orElseThrow();
    }

    /**
     * Opens an incident from an answered call. Unless the call-taker said to open one anyway, open incidents like it
     * nearby are offered first (a conflict listing them).
     */
    IntakeResult openIncident(long id, IntakeRequest request, SignedInUser user) {
        validation.check(request);
        CallRow call = takeable(id);
        if (!request.opensAnyway()) {
            List<IncidentView> candidates = incidents.possibleDuplicates(request.typeCode(), request.latitude(),
                    request.longitude(), call.offeredAt());
            if (!candidates.isEmpty()) throw IntakeProblem.possibleDuplicates(candidates);
        }
        NewIncident incident = new NewIncident(request.typeCode(), request.priority(), request.latitude(),
                request.longitude(), trimmed(request.address()), request.narrative().strip(), call.offeredAt(),
                call.answeredAt(), null);
        Locale locale = LocaleContextHolder.getLocale();
        IncidentView opened = transaction.execute(status -> {
            IncidentView created;
            try {
                created = incidents.open(incident, user.username());
            } catch (IllegalArgumentException refused) {
                throw IntakeProblem.refused(refused.getMessage());
            }
            link(call, created, request.callerNumber(), request.callerName(), null, user, locale);
            return created;
        });
        return new IntakeResult(views.find(id).orElseThrow(), opened.id(), opened.number());
    }

    /** Adds an answered call to an open incident, with what this caller said. */
    IntakeResult attach(long id, long incidentId, AttachRequest request, SignedInUser user) {
        validation.check(request);
        CallRow call = takeable(id);
        IncidentView incident = incidents.find(incidentId).orElseThrow(() -> IntakeProblem.noIncident(incidentId));
        if (incident.status().ended()) throw IntakeProblem.incidentEnded(incident.number());
        Locale locale = LocaleContextHolder.getLocale();
        transaction.executeWithoutResult(status -> link(call, incident, request.callerNumber(),
                request.callerName(), request.narrative(), user, locale));
        return new IntakeResult(views.find(id).orElseThrow(), incident.id(), incident.number());
    }

    /**
     * Links the call to the incident. The caller's number and name as the call-taker wrote them replace the call's;
     * left out (null), the call's are kept, and blank clears them.
     */
    private void link(CallRow call, IncidentView incident, String callerNumber, String callerName, String narrative,
                      SignedInUser user, Locale locale) {
        String number = callerNumber == null ? call.callerNumber() : trimmed(callerNumber);
        String name = callerName == null ? call.callerName() : trimmed(callerName);
        if (!store.link(call.id(), incident.id(), number, name)) {
            throw IntakeProblem.alreadyLinked(call.id(), incident.number());
        }
        String caller = number == null ? messages.getMessage("intake.log.unknown-number", null, locale) : number;
        incidents.log(incident.id(), messages.getMessage("intake.log.call-added", new Object[]{caller}, locale),
                user.username());
        if (!IntakeValidation.blank(narrative)) incidents.log(incident.id(), narrative.strip(), user.username());
        // a call typed in by hand has no line to hang up: it is over once it is taken down
        if (call.channel() == CallChannel.MANUAL) store.end(call.id(), clock.instant());
        audit.record(AuditEvent.success("call.added-to-incident", target(call.id())).by(user.username())
                .with("incident", incident.number()));
        stream.changed(call.id());
    }

    /** A call that can be taken down: answered, and not yet part of an incident. */
    private CallRow takeable(long id) {
        CallRow call = store.find(id).orElseThrow(() -> IntakeProblem.notFound(id));
        if (call.answeredAt() == null) {
            throw call.endedAt() == null ? IntakeProblem.notAnswered(id) : IntakeProblem.callerGone(id);
        }
        if (call.incidentId() != null) {
            throw IntakeProblem.alreadyLinked(id, views.view(call).incidentNumber());
        }
        return call;
    }

    private IntakeProblem whyNotRinging(long id) {
        CallRow now = store.find(id).orElseThrow(() -> IntakeProblem.notFound(id));
        if (now.answeredBy() != null) return IntakeProblem.answeredBy(id, now.answeredBy());
        return IntakeProblem.callerGone(id);
    }

    /** Telephony audits the SIP side of a call under its SIP Call-ID: the entries of both sides can be matched. */
    private static AuditEvent withSipCallId(AuditEvent entry, CallRow call) {
        return call.sipCallId() == null ? entry : entry.with("sip-call-id", call.sipCallId());
    }

    private static String target(long id) {
        return "call:" + id;
    }

    private static String trimmed(String text) {
        return IntakeValidation.blank(text) ? null : text.strip();
    }
}
