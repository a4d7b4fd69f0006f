package org.atalaya.map.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.atalaya.access.SignedInUser;
import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.map.MapProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sends camera status changes to every open map, each only about the cameras its user may see. A stream begins with
 * the current status of those cameras, so a browser that reconnects misses nothing.
 * <p>
 * Each subscriber has its own sending thread (virtual) and a bounded queue: the thread that reports a status never
 * writes to a socket, one slow browser delays no other, and a browser that stops reading is dropped when its queue is
 * full. A comment every {@link #HEARTBEAT} finds connections that died without a word.
 */
@Component
class CameraStatusStream {

    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final Duration RECONNECT = Duration.ofSeconds(2);
    private static final int QUEUED_EVENTS = 256;
    private static final Logger log = LoggerFactory.getLogger(CameraStatusStream.class);

    private final MapCameras cameras;
    private final MapProperties properties;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** The latest report sent about each camera, so that a late, older report does not undo a newer one. */
    private final Map<Long, Instant> newestSince = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("map-status-heartbeat").factory());

    CameraStatusStream(MapCameras cameras, MapProperties properties) {
        this.cameras = cameras;
        this.properties = properties;
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A stream for the user that starts with the status of each camera they may see. */
    SseEmitter subscribe(SignedInUser user, Locale locale) {
        SseEmitter emitter = new SseEmitter(properties.statusStreamLength().toMillis());
        Subscriber subscriber = new Subscriber(emitter, user, locale);
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> subscriber.close());
        subscribers.add(subscriber);
        subscriber.deliver(() -> {
            emitter.send(SseEmitter.event().comment("statuses").reconnectTime(RECONNECT.toMillis()));
            for (StatusUpdate status : cameras.statusesFor(user, locale)) subscriber.send(status);
        });
        return emitter;
    }

    /** After the reporting transaction commits: a report that is rolled back never reaches a map. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CameraStatusChanged change) {
        if (!isNewest(change) || subscribers.isEmpty()) return;
        RegisteredCamera camera = cameras.find(change.cameraId()).orElse(null);
        if (camera == null) return;
        for (Subscriber subscriber : subscribers) {
            if (MapCameras.sees(subscriber.user, camera)) {
                subscriber.deliver(() -> subscriber.send(cameras.status(change, subscriber.locale)));
            }
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        heartbeat.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.deliver(subscriber.emitter::complete));
    }

    private boolean isNewest(CameraStatusChanged change) {
        Instant kept = newestSince.compute(change.cameraId(),
                (id, sent) -> sent == null || !change.since().isBefore(sent) ? change.since() : sent);
        return kept.equals(change.since());
    }

    private void beat() {
        subscribers.forEach(subscriber -> subscriber.deliver(
                () -> subscriber.emitter.send(SseEmitter.event().comment("heartbeat"))));
    }

    @FunctionalInterface
    private interface Sending {
        void run() throws IOException;
    }

    private final class Subscriber {

        final SseEmitter emitter;
        final SignedInUser user;
        final Locale locale;
        private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_EVENTS), Thread.ofVirtual().name("map-status-sender").factory());

        Subscriber(SseEmitter emitter, SignedInUser user, Locale locale) {
            this.emitter = emitter;
            this.user = user;
            this.locale = locale;
        }

        void send(StatusUpdate status) throws IOException {
            emitter.send(SseEmitter.event().name("status").data(status, MediaType.APPLICATION_JSON));
        }

        void deliver(Sending sending) {
            try {
                sender.execute(() -> {
                    try {
                        sending.run();
                    } catch (IOException | IllegalStateException gone) {
                        log.debug("A map's status stream of {} ended: {}", user.username(), gone.getMessage());
                        close();
                    }
                });
            } catch (RejectedExecutionException stopped) {
                // a browser that stopped reading: its stream ends when its time is up; nothing more is queued for it
                close();
            }
        }

        void close() {
            subscribers.remove(this);
            sender.shutdownNow();
        }
    }
}
