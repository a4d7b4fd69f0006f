package org.atalaya.map.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.atalaya.access.SignedInUser;
import org.atalaya.camera.CameraChanged;
import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.map.MapProperties;
import org.atalaya.platform.ServerSentEvents;
import org.atalaya.platform.ServerSentEvents.Event;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Camera status changes as server-sent events ({@code status}), to every open map, each only about the cameras its
 * user may see, and word ({@code cameras}) that the cameras changed and are to be loaded again. A stream begins with
 * the current status of those cameras, so a browser that reconnects misses nothing. How streams are written (on the
 * request's own thread, a bounded queue each, a heartbeat) is {@link ServerSentEvents}'s.
 */
@Component
class CameraStatusStream {

    private static final int QUEUED_EVENTS = 256;
    private static final Event CAMERAS_CHANGED = new Event("cameras", Map.of());

    private final MapCameras cameras;
    private final MapProperties properties;
    private final ServerSentEvents<Viewer> streams;
    /** The latest report passed on about each camera, so that a late, older report does not undo a newer one. */
    private final Map<Long, Instant> newestSince = new ConcurrentHashMap<>();

    CameraStatusStream(MapCameras cameras, MapProperties properties, JsonMapper json, Clock clock) {
        this.cameras = cameras;
        this.properties = properties;
        this.streams = new ServerSentEvents<>("camera status", QUEUED_EVENTS, json, clock);
    }

    /**
     * Writes the user's stream until its time is up, the browser leaves or the server stops.
     *
     * @throws IOException when the browser has gone
     */
    void stream(SignedInUser user, Locale locale, HttpServletResponse response) throws IOException {
        streams.stream(new Viewer(user, locale), properties.statusStreamLength(),
                viewer -> cameras.statusesFor(viewer.user, viewer.locale).stream().map(CameraStatusStream::event)
                        .toList(),
                response);
    }

    @EventListener
    void on(CameraStatusChanged change) {
        afterCommit(() -> send(change));
    }

    /**
     * A camera was added or changed (its name, place, view or group): every map is told to load its cameras again.
     * The event names no camera, so it tells nobody about cameras they may not see.
     */
    @EventListener
    void on(CameraChanged change) {
        afterCommit(() -> streams.send(viewer -> List.of(CAMERAS_CHANGED)));
    }

    private void send(CameraStatusChanged change) {
        if (!isNewest(change) || streams.isEmpty()) return;
        RegisteredCamera camera = cameras.find(change.cameraId()).orElse(null);
        if (camera == null) return;
        streams.send(viewer -> MapCameras.sees(viewer.user, camera)
                ? List.of(event(cameras.status(change, viewer.locale))) : List.of());
    }

    /** Ends every stream, so that the web server's graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        streams.endAll();
    }

    /**
     * Runs the action once the reporting transaction has committed (a change that is rolled back never reaches a
     * map), or at once outside a transaction. A plain listener with its own synchronization rather than a
     * transactional listener: those get a persisted event publication each, which a map's fleeting news does not
     * need.
     */
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

    private boolean isNewest(CameraStatusChanged change) {
        Instant kept = newestSince.compute(change.cameraId(),
                (id, sent) -> sent == null || !change.since().isBefore(sent) ? change.since() : sent);
        return kept.equals(change.since());
    }

    private static Event event(StatusUpdate status) {
        return new Event("status", status);
    }

    private record Viewer(SignedInUser user, Locale locale) {
    }
}
