package org.atalaya.dispatch.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.atalaya.dispatch.DispatchProperties;
import org.atalaya.dispatch.UnitChanged;
import org.atalaya.dispatch.internal.BoardQueries.BoardUnit;
import org.atalaya.incident.IncidentOpened;
import org.atalaya.incident.IncidentStatusChanged;
import org.atalaya.incident.IncidentsMerged;
import org.atalaya.platform.ServerSentEvents;
import org.atalaya.platform.ServerSentEvents.Event;
import org.atalaya.tracking.UnitMoved;
import org.atalaya.tracking.UnitPosition;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dispatcher boards' live news as server-sent events: {@code position} (a unit moved; at most one per unit per
 * configured period, the newest), {@code unit} (a unit's status or details changed, a {@link BoardUnit}) and
 * {@code incidents} (incidents changed: the board reads them again). Every dispatcher sees the whole fleet, so every
 * stream gets every event.
 */
@Component
class BoardStream {

    private static final int QUEUED_EVENTS = 16_384;
    private static final Event INCIDENTS_CHANGED = new Event("incidents", Map.of());

    /** A unit's position as the board draws it. */
    record PositionUpdate(long unitId, double lat, double lon, Instant at, Double heading) {
    }

    private final ServerSentEvents<Object> streams;
    private final DispatchProperties properties;
    private final BoardQueries board;
    private final Map<Long, UnitPosition> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    BoardStream(DispatchProperties properties, BoardQueries board, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.board = board;
        this.streams = new ServerSentEvents<>("dispatch board", QUEUED_EVENTS, json, clock);
        this.flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("dispatch-board-positions").daemon().factory());
        long period = properties.streamPositionPeriod().toMillis();
        flusher.scheduleAtFixedRate(this::flushPositions, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Writes a board's stream until its time is up, the browser leaves or the server stops.
     *
     * @throws IOException when the browser has gone
     */
    void stream(Object subscriber, HttpServletResponse response) throws IOException {
        streams.stream(subscriber, properties.streamLength(), ignored -> List.of(new Event("ready", Map.of())),
                response);
    }

    @EventListener
    void on(UnitMoved moved) {
        if (streams.isEmpty()) return;
        pending.merge(moved.position().unitId(), moved.position(),
                (kept, given) -> given.at().isBefore(kept.at()) ? kept : given);
    }

    @EventListener
    void on(UnitChanged changed) {
        if (streams.isEmpty()) return;
        BoardUnit unit = board.unit(changed.unit());
        streams.send(subscriber -> List.of(new Event("unit", unit)));
    }

    @EventListener
    void on(IncidentOpened opened) {
        afterCommit(this::incidentsChanged);
    }

    @EventListener
    void on(IncidentStatusChanged changed) {
        afterCommit(this::incidentsChanged);
    }

    @EventListener
    void on(IncidentsMerged merged) {
        afterCommit(this::incidentsChanged);
    }

    @EventListener(ContextClosedEvent.class)
    void endAll() {
        flusher.shutdownNow();
        streams.endAll();
    }

    private void incidentsChanged() {
        streams.send(subscriber -> List.of(INCIDENTS_CHANGED));
    }

    private void flushPositions() {
        if (pending.isEmpty()) return;
        List<Event> updates = new ArrayList<>(pending.size());
        for (Long unitId : List.copyOf(pending.keySet())) {
            UnitPosition position = pending.remove(unitId);
            if (position == null) continue;
            updates.add(new Event("position", new PositionUpdate(unitId, position.latitude(), position.longitude(),
                    position.at(), position.headingDeg())));
        }
        streams.send(subscriber -> updates);
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
}
