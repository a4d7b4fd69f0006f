package org.atalaya.telephony.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.telephony.EmergencyCallEnded;
import org.atalaya.telephony.EmergencyCallOffered;
import org.atalaya.telephony.EmergencyLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The calls that are ringing or answered right now, kept in memory only while they last. Every offered and every
 * ended call is audited (caller data is personal data; the audit log is where that is accounted for) and announced
 * with an event. Auditing and announcing happen on one thread of their own, in order, so that SIP signalling never
 * waits for the database: under a burst of calls the stack keeps ringing and cancelling on time.
 * The book exists whether or not the SIP user agent runs, so the console always finds its lines.
 */
@Component
class EmergencyCallBook implements EmergencyLines, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmergencyCallBook.class);

    enum Offer { OFFERED, FULL, DUPLICATE }

    enum Ending {
        CALLER_HUNG_UP("caller hung up"),
        CALLER_CANCELLED("caller gave up before the answer"),
        RING_TIMEOUT("nobody answered in time"),
        CENTRE_HUNG_UP("centre hung up"),
        CENTRE_DECLINED("centre declined the call"),
        CONNECTION_LOST("connection lost"),
        SERVICE_STOPPED("the call service stopped");

        private final String words;

        Ending(String words) {
            this.words = words;
        }
    }

    private enum State { RINGING, ANSWERED, ENDED }

    private static final class Call {
        private final String callId;
        private final CallLeg leg;
        private State state = State.RINGING;

        private Call(String callId, CallLeg leg) {
            this.callId = callId;
            this.leg = leg;
        }
    }

    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxCalls;
    private final Executor announcer;

    @Autowired
    EmergencyCallBook(ApplicationEventPublisher events, AuditLog audit, Clock clock, TelephonyProperties properties) {
        this(events, audit, clock, properties, Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("emergency-call-announcer").daemon().factory()));
    }

    /** @param announcer runs the audit entries and events one after the other, in the order given */
    EmergencyCallBook(ApplicationEventPublisher events, AuditLog audit, Clock clock, TelephonyProperties properties,
                      Executor announcer) {
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.maxCalls = properties.maxCalls();
        this.announcer = announcer;
    }

    /** Lets the announcements already queued (the calls ended at shutdown among them) reach the audit log. */
    @Override
    public void destroy() throws InterruptedException {
        if (announcer instanceof ExecutorService service) {
            service.shutdown();
            if (!service.awaitTermination(10, TimeUnit.SECONDS)) {
                log.error("Emergency call announcements still queued at shutdown were dropped");
                service.shutdownNow();
            }
        }
    }

    boolean isFull() {
        return calls.size() >= maxCalls;
    }

    boolean isKnown(String callId) {
        return calls.containsKey(callId);
    }

    int size() {
        return calls.size();
    }

    /** Takes in a ringing call, audits it and offers it to the call-takers. */
    Offer offer(String callId, CallLeg leg, String callerUri, String callerName, LocationReading location) {
        synchronized (calls) {
            if (calls.containsKey(callId)) return Offer.DUPLICATE;
            if (isFull()) return Offer.FULL;
            calls.put(callId, new Call(callId, leg));
        }
        Instant offeredAt = clock.instant();
        AuditEvent entry = AuditEvent.success("call.offered", "call:" + callId).with("caller", callerUri)
                .with("location", location.location() != null ? "present" : location.problem());
        announce(entry, new EmergencyCallOffered(callId, callerUri, callerName, offeredAt, location.location(),
                location.problem()), callId);
        return Offer.OFFERED;
    }

    @Override
    public boolean answer(String callId) {
        Call call = calls.get(callId);
        if (call == null) return false;
        synchronized (call) {
            if (call.state != State.RINGING || !call.leg.answer()) return false;
            call.state = State.ANSWERED;
            return true;
        }
    }

    @Override
    public boolean hangUp(String callId) {
        Call call = calls.get(callId);
        if (call == null) return false;
        synchronized (call) {
            switch (call.state) {
                case RINGING -> {
                    call.leg.refuse(603);
                    end(call, Ending.CENTRE_DECLINED);
                }
                case ANSWERED -> {
                    call.leg.bye();
                    end(call, Ending.CENTRE_HUNG_UP);
                }
                case ENDED -> {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The caller sent BYE: true when the call was known (and is now ended). A BYE on a call still ringing, which a
     * proper caller would have cancelled, also closes the INVITE with 487.
     */
    boolean callerHungUp(String callId) {
        Call call = calls.get(callId);
        if (call == null) return false;
        synchronized (call) {
            switch (call.state) {
                case RINGING -> {
                    call.leg.refuse(487);
                    end(call, Ending.CALLER_CANCELLED);
                }
                case ANSWERED -> end(call, Ending.CALLER_HUNG_UP);
                case ENDED -> {
                    return false;
                }
            }
            return true;
        }
    }

    /** The caller sent CANCEL: a ringing call is refused with 487 and ends; true when it was ringing. */
    boolean callerCancelled(String callId) {
        return endRinging(callId, 487, Ending.CALLER_CANCELLED);
    }

    /** Nobody answered in time: a call still ringing is refused with 480 Temporarily Unavailable. */
    boolean ringingTooLong(String callId) {
        return endRinging(callId, 480, Ending.RING_TIMEOUT);
    }

    /** The dialog died under the call (no ACK came, the transport failed): the call ends as it stood. */
    void connectionLost(String callId) {
        Call call = calls.get(callId);
        if (call == null) return;
        synchronized (call) {
            if (call.state == State.ENDED) return;
            if (call.state == State.ANSWERED) call.leg.bye();
            end(call, Ending.CONNECTION_LOST);
        }
    }

    /** The answered leg of a call, for a re-INVITE; null when the call is not answered. */
    CallLeg answeredLeg(String callId) {
        Call call = calls.get(callId);
        if (call == null) return null;
        synchronized (call) {
            return call.state == State.ANSWERED ? call.leg : null;
        }
    }

    /** Ends every call because the user agent stops: ringing calls get 503, answered ones BYE. */
    void endAll() {
        for (Call call : List.copyOf(calls.values())) {
            synchronized (call) {
                if (call.state == State.RINGING) call.leg.refuse(503);
                else if (call.state == State.ANSWERED) call.leg.bye();
                else continue;
                end(call, Ending.SERVICE_STOPPED);
            }
        }
    }

    private boolean endRinging(String callId, int status, Ending ending) {
        Call call = calls.get(callId);
        if (call == null) return false;
        synchronized (call) {
            if (call.state != State.RINGING) return false;
            call.leg.refuse(status);
            end(call, ending);
            return true;
        }
    }

    private void end(Call call, Ending ending) {
        boolean answered = call.state == State.ANSWERED;
        call.state = State.ENDED;
        calls.remove(call.callId);
        announce(AuditEvent.success("call.ended", "call:" + call.callId).with("answered", String.valueOf(answered))
                .with("how", ending.words), new EmergencyCallEnded(call.callId, clock.instant(), answered),
                call.callId);
    }

    private void announce(AuditEvent entry, Object event, String callId) {
        try {
            announcer.execute(() -> {
                record(entry, callId);
                publish(event, callId);
            });
        } catch (RejectedExecutionException e) {
            log.error("Could not announce {} of call {}: shutting down", entry.action(), callId);
        }
    }

    /** An emergency call is never refused because the audit log is out of reach: the failure is logged loudly. */
    private void record(AuditEvent entry, String callId) {
        try {
            audit.record(entry);
        } catch (RuntimeException e) {
            log.error("Could not audit {} of call {}", entry.action(), callId, e);
        }
    }

    private void publish(Object event, String callId) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.error("A listener failed on {} of call {}", event.getClass().getSimpleName(), callId, e);
        }
    }
}
