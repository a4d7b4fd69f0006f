package org.atalaya.alarm.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.atalaya.access.SignedInUser;
import org.atalaya.platform.ServerSentEvents;
import org.atalaya.platform.ServerSentEvents.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alarm queue as server-sent events for the console: a stream begins with the user's {@code counts}, one
 * {@code alarm} event for each open alarm they see and {@code ready} (no data) to mark the end of that opening;
 * then, whenever an alarm they see changes, an {@code alarm} event with the alarm as it is now and fresh
 * {@code counts}. A closed alarm comes once more, closed.
 * <p>
 * {@link AlarmUpdated} arrives after its transaction committed, on the thread of whoever changed the alarm (an
 * operator's request, the intake of a flood of signals). That thread only hands the id over; one sender reads each
 * changed alarm once for all streams and the counts once per stream, taking together the ids that arrived while it
 * worked, so a burst of folded signals costs the raisers nothing and the streams a few events.
 */
@Component
class AlarmEventStream {

    private static final int QUEUED_EVENTS = 1024;
    private static final Event READY = new Event("ready", Map.of());
    private static final Logger log = LoggerFactory.getLogger(AlarmEventStream.class);

    private final AlarmQueries queries;
    private final AlarmConsoleProperties properties;
    private final ServerSentEvents<SignedInUser> streams;
    private final BlockingQueue<Long> changed = new LinkedBlockingQueue<>();
    private Thread sender;

    AlarmEventStream(AlarmQueries queries, AlarmConsoleProperties properties, JsonMapper json, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.streams = new ServerSentEvents<>("alarm", QUEUED_EVENTS, json, clock);
    }

    /**
     * Writes the user's stream until its time is up, the browser leaves or the server stops.
     *
     * @throws IOException when the browser has gone
     */
    void stream(SignedInUser user, HttpServletResponse response) throws IOException {
        startSender();
        streams.stream(user, properties.streamLength(), this::opening, response);
    }

    @EventListener
    void on(AlarmUpdated update) {
        if (!streams.isEmpty()) changed.add(update.alarmId());
    }

    /** Ends every stream, so that the web server's graceful shutdown does not wait for them, and the sender. */
    @EventListener(ContextClosedEvent.class)
    synchronized void endAll() {
        streams.endAll();
        if (sender != null) sender.interrupt();
    }

    private List<Event> opening(SignedInUser user) {
        List<Event> events = new ArrayList<>();
        events.add(counts(user));
        queries.open(user, properties.openShown()).forEach(alarm -> events.add(alarm(alarm)));
        events.add(READY);
        return events;
    }

    private synchronized void startSender() {
        if (sender == null) sender = Thread.ofVirtual().name("alarm-stream-sender").start(this::sendChanges);
    }

    private void sendChanges() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Set<Long> ids = new LinkedHashSet<>();
                ids.add(changed.take());
                changed.drainTo(ids);
                try {
                    send(ids);
                } catch (RuntimeException failed) {
                    log.warn("Alarm changes {} could not be sent to the consoles: {}", ids, failed.toString());
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Set<Long> ids) {
        List<AlarmView> alarms = ids.stream().map(queries::find).flatMap(Optional::stream).toList();
        if (alarms.isEmpty()) return;
        streams.send(user -> {
            List<Event> events = new ArrayList<>();
            alarms.stream().filter(alarm -> queries.visibleTo(alarm, user)).forEach(alarm -> events.add(alarm(alarm)));
            if (!events.isEmpty()) events.add(counts(user));
            return events;
        });
    }

    private Event counts(SignedInUser user) {
        return new Event("counts", queries.counts(user));
    }

    private static Event alarm(AlarmView alarm) {
        return new Event("alarm", alarm);
    }
}
