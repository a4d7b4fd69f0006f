package org.atalaya.map.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.atalaya.access.SignedInUser;
import org.atalaya.camera.CameraChanged;
import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.map.MapProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Camera status changes as server-sent events ({@code status}), to every open map, each only about the cameras its
 * user may see, and word ({@code cameras}) that the cameras changed and are to be loaded again. A stream begins with
 * the current status of those cameras, so a browser that reconnects misses nothing.
 * <p>
 * Each stream is written on its request's own thread, which is virtual and costs little while it waits: the
 * request never goes asynchronous, so it stays within the sign-in and permission checks it passed, and the thread that
 * reports a status only puts it in a queue and never writes to a socket. A browser that stops reading fills its queue
 * and its stream is ended (it reconnects and starts afresh); one that went away is found by the comment written every
 * {@link #HEARTBEAT} when nothing else is.
 */
@Component
class CameraStatusStream {

    private static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final Duration RECONNECT = Duration.ofSeconds(2);
    private static final int QUEUED_EVENTS = 256;
    private static final Logger log = LoggerFactory.getLogger(CameraStatusStream.class);

    private final MapCameras cameras;
    private final MapProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** The latest report passed on about each camera, so that a late, older report does not undo a newer one. */
    private final Map<Long, Instant> newestSince = new ConcurrentHashMap<>();

    CameraStatusStream(MapCameras cameras, MapProperties properties, JsonMapper json, Clock clock) {
        this.cameras = cameras;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes the user's stream until its time is up, the browser leaves or the server stops.
     *
     * @throws IOException when the browser has gone
     */
    void stream(SignedInUser user, Locale locale, HttpServletResponse response) throws IOException {
        Subscriber subscriber = new Subscriber(user, locale);
        subscribers.add(subscriber);
        try {
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Accel-Buffering", "no");
            ServletOutputStream out = response.getOutputStream();
            write(out, "retry: " + RECONNECT.toMillis() + "\n\n");
            for (StatusUpdate status : cameras.statusesFor(user, locale)) write(out, event(new Message(status)));
            out.flush();
            Instant end = clock.instant().plus(properties.statusStreamLength());
            for (Duration left = properties.statusStreamLength(); left.isPositive();
                 left = Duration.between(clock.instant(), end)) {
                Message message = subscriber.queue.poll(Math.min(left.toMillis(), HEARTBEAT.toMillis()),
                        TimeUnit.MILLISECONDS);
                if (message == Message.END) return;
                write(out, message == null ? ": heartbeat\n\n" : event(message));
                out.flush();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            subscribers.remove(subscriber);
        }
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
        afterCommit(() -> subscribers.forEach(subscriber -> subscriber.offer(Message.CAMERAS_CHANGED)));
    }

    private void send(CameraStatusChanged change) {
        if (!isNewest(change) || subscribers.isEmpty()) return;
        RegisteredCamera camera = cameras.find(change.cameraId()).orElse(null);
        if (camera == null) return;
        for (Subscriber subscriber : subscribers) {
            if (MapCameras.sees(subscriber.user, camera)) {
                subscriber.offer(new Message(cameras.status(change, subscriber.locale)));
            }
        }
    }

    /** Ends every stream, so that the web server's graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        subscribers.forEach(Subscriber::end);
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

    private String event(Message message) {
        return "event: " + message.event() + "\ndata: " + json.writeValueAsString(message.data()) + "\n\n";
    }

    private static void write(ServletOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An event to send, or {@link #END} of the stream. */
    private record Message(String event, Object data) {
        static final Message END = new Message(null, null);
        static final Message CAMERAS_CHANGED = new Message("cameras", Map.of());

        Message(StatusUpdate status) {
            this("status", status);
        }
    }

    private static final class Subscriber {

        final SignedInUser user;
        final Locale locale;
        final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(QUEUED_EVENTS);

        Subscriber(SignedInUser user, Locale locale) {
            this.user = user;
            this.locale = locale;
        }

        void offer(Message message) {
            if (!queue.offer(message)) {
                log.debug("The map of {} stopped reading its status stream; the stream is ended", user.username());
                end();
            }
        }

        void end() {
            queue.clear();
            queue.offer(Message.END);
        }
    }
}
