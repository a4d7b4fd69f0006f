package org.atalaya.intake.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atalaya.access.SignedInUser;
import org.atalaya.platform.ServerSentEvents;
import org.atalaya.platform.ServerSentEvents.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The call queue as server-sent events for every call-taker's console: a stream begins with one {@code call} event
 * ({@link CallView}) for each call ringing, going on or lately ended, and {@code ready} (no data); then a {@code call}
 * event whenever a call changes (offered, answered, ended, added to an incident). Every call-taker sees every call.
 */
@Component
class CallStream {

    private static final int QUEUED_EVENTS = 256;
    private static final Event READY = new Event("ready", Map.of());
    private static final Logger log = LoggerFactory.getLogger(CallStream.class);

    private final CallViews views;
    private final IntakeProperties properties;
    private final ServerSentEvents<SignedInUser> streams;

    CallStream(CallViews views, IntakeProperties properties, JsonMapper json, Clock clock) {
        this.views = views;
        this.properties = properties;
        this.streams = new ServerSentEvents<>("call queue", QUEUED_EVENTS, json, clock);
    }

    /**
     * Writes the user's stream until its time is up, the browser leaves or the server stops.
     *
     * @throws IOException when the browser has gone
     */
    void stream(SignedInUser user, HttpServletResponse response) throws IOException {
        streams.stream(user, properties.streamLength(), this::opening, response);
    }

    /** Tells every console about the call as it is now; within a transaction, once that committed. */
    void changed(long callId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(callId);
                }
            });
        } else {
            send(callId);
        }
    }

    @EventListener(ContextClosedEvent.class)
    void endAll() {
        streams.endAll();
    }

    private void send(long callId) {
        if (streams.isEmpty()) return;
        try {
            views.find(callId).ifPresent(call -> {
                Event event = new Event("call", call);
                streams.send(user -> List.of(event));
            });
        } catch (RuntimeException failed) {
            log.warn("Call {} could not be sent to the consoles: {}", callId, failed.toString());
        }
    }

    private List<Event> opening(SignedInUser user) {
        List<Event> events = new ArrayList<>();
        views.queue().forEach(call -> events.add(new Event("call", call)));
        events.add(READY);
        return events;
    }
}
