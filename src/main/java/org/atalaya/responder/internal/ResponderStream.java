package org.atalaya.responder.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.atalaya.dispatch.UnitChanged;
import org.atalaya.platform.ServerSentEvents;
import org.atalaya.platform.ServerSentEvents.Event;
import org.atalaya.tracking.UnitMoved;
import org.atalaya.tracking.UnitPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells each open responder's page when its unit's status or incident changed ({@code situation}, with the new
 * version: the page then loads its panel again) and where its unit now is ({@code position}). A unit's change
 * ({@link UnitChanged}, e.g. a dispatcher assigned it) is passed on at once; the incident's details and the sign-on
 * have no event a page could follow, so {@link #refresh()} also looks at every watched responder's situation
 * regularly. Positions come from tracking's {@link UnitMoved} as they are stored.
 */
@Component
class ResponderStream {

    private static final Logger log = LoggerFactory.getLogger(ResponderStream.class);
    private static final int QUEUED_EVENTS = 64;

    private final Situations situations;
    private final ResponderProperties properties;
    private final ServerSentEvents<Watcher> streams;

    ResponderStream(Situations situations, ResponderProperties properties, JsonMapper json, Clock clock) {
        this.situations = situations;
        this.properties = properties;
        this.streams = new ServerSentEvents<>("responder", QUEUED_EVENTS, json, clock);
    }

    /** The version of a responder's situation: the page loads its panel again when it differs from its own. */
    record SituationUpdate(String version) {
    }

    record PositionUpdate(double latitude, double longitude, Instant at, Double accuracyMetres) {

        static PositionUpdate of(UnitPosition position) {
            return new PositionUpdate(position.latitude(), position.longitude(), position.at(),
                    position.accuracyMetres());
        }
    }

    /**
     * Writes the responder's stream until its time is up, the phone leaves or the server stops; it begins with the
     * current version of their situation.
     *
     * @throws IOException when the phone has gone
     */
    void stream(String username, HttpServletResponse response) throws IOException {
        streams.stream(new Watcher(username), properties.streamLength(),
                watcher -> watcher.update(situations.of(username)).map(List::of).orElseGet(List::of), response);
    }

    /** Looks at every watched responder's situation and tells the pages whose situation changed. */
    void refresh() {
        if (streams.isEmpty()) return;
        streams.send(this::changes);
    }

    @EventListener
    void on(UnitChanged change) {
        if (streams.isEmpty()) return;
        long unit = change.unit().id();
        streams.send(watcher -> watcher.watches(unit) ? changes(watcher) : List.of());
    }

    private List<Event> changes(Watcher watcher) {
        try {
            return watcher.update(situations.of(watcher.username)).map(List::of).orElseGet(List::of);
        } catch (RuntimeException failed) {
            log.warn("Could not look at the situation of a responder's unit: {}", failed.getMessage());
            return List.of();
        }
    }

    @EventListener
    void on(UnitMoved moved) {
        if (streams.isEmpty()) return;
        UnitPosition position = moved.position();
        var event = new Event("position", PositionUpdate.of(position));
        streams.send(watcher -> watcher.watches(position.unitId()) ? List.of(event) : List.of());
    }

    /** Ends every stream, so that the web server's graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        streams.endAll();
    }

    /** One open page: whose it is, and what it was last told. Identity matters: a responder may have two open. */
    private static final class Watcher {

        private final String username;
        private volatile Long unitId;
        private volatile String version;

        Watcher(String username) {
            this.username = username;
        }

        boolean watches(long unit) {
            Long watched = unitId;
            return watched != null && watched == unit;
        }

        /** The event that tells the page its situation changed, if it did since it was last told. */
        synchronized Optional<Event> update(Situation situation) {
            unitId = situation.signedOn() ? situation.unit().id() : null;
            String current = situation.version();
            if (current.equals(version)) return Optional.empty();
            version = current;
            return Optional.of(new Event("situation", new SituationUpdate(current)));
        }
    }
}
