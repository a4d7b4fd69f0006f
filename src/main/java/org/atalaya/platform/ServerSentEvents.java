package org.atalaya.platform;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open streams of server-sent events, each written on its request's own thread, with what they are sent passed in
 * from any other thread. A module keeps one for its kind of stream and tells it, for every subscriber, which events
 * that subscriber is to get (each subscriber is described by a value of type {@code S}, e.g. its user).
 * <p>
 * A stream is written on the request's thread, which is virtual and costs little while it waits: the request never
 * goes asynchronous, so it stays within the sign-in and permission checks it passed (Spring's asynchronous
 * re-dispatch is refused by the security filters), and the thread that sends an event only puts it in a queue and
 * never writes to a socket. A browser that stops reading fills its bounded queue and its stream is ended (it
 * reconnects and starts afresh); one that went away is found by the comment written every {@link #HEARTBEAT} when
 * nothing else is. A stream ends after its given length, so that the browser's reconnection checks the session and
 * the user's permissions again.
 *
 * @param <S> what a stream's subscriber is to the module (a user, a user and their language, ...)
 */
public final class ServerSentEvents<S> {

    /** How often a quiet stream writes a comment, which finds out when its browser has gone. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final Duration RECONNECT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(ServerSentEvents.class);

    /** One event: its name and the value sent as its JSON data. */
    public record Event(String name, Object data) {
        private static final Event END = new Event(null, null);
    }

    private final String purpose;
    private final int queuedEvents;
    private final JsonMapper json;
    private final Clock clock;
    private final Set<Subscription<S>> subscriptions = ConcurrentHashMap.newKeySet();

    /**
     * Whether a request's {@code Accept} header lets it be answered with an event stream (no header does). Checked by
     * the handler rather than by its mapping, so that a user without permission hears 403 first.
     */
    public static boolean accepted(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank()) return true;
        try {
            return MediaType.parseMediaTypes(acceptHeader).stream()
                    .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM));
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    /**
     * @param purpose      what the streams are, in words for the log (e.g. "camera status")
     * @param queuedEvents how many events a stream may have waiting before it is taken as stuck and ended
     */
    public ServerSentEvents(String purpose, int queuedEvents, JsonMapper json, Clock clock) {
        if (queuedEvents < 1) throw new IllegalArgumentException("a stream needs room for at least one event");
        this.purpose = purpose;
        this.queuedEvents = queuedEvents;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes a subscriber's stream until its length is up, the browser leaves or {@link #endAll()}: first the opening
     * events, then whatever is sent to it. The subscriber is registered before the opening events are made, so nothing
     * sent meanwhile is missed (it may come twice).
     *
     * @param opening the events a stream begins with, made for the subscriber
     * @throws IOException when the browser has gone
     */
    public void stream(S subscriber, Duration length, Function<? super S, List<Event>> opening,
                       HttpServletResponse response) throws IOException {
        Subscription<S> subscription = new Subscription<>(subscriber, new ArrayBlockingQueue<>(queuedEvents));
        subscriptions.add(subscription);
        try {
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Accel-Buffering", "no");
            ServletOutputStream out = response.getOutputStream();
            write(out, "retry: " + RECONNECT.toMillis() + "\n\n");
            for (Event event : opening.apply(subscriber)) write(out, frame(event));
            out.flush();
            Instant end = clock.instant().plus(length);
            for (Duration left = length; left.isPositive(); left = Duration.between(clock.instant(), end)) {
                Event event = subscription.queue.poll(Math.min(left.toMillis(), HEARTBEAT.toMillis()),
                        TimeUnit.MILLISECONDS);
                if (event == Event.END) return;
                write(out, event == null ? ": heartbeat\n\n" : frame(event));
                out.flush();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            subscriptions.remove(subscription);
        }
    }

    /**
     * Queues, for every open stream, the events made for its subscriber (none to send it nothing). Returns at once;
     * a stream whose queue is full is ended.
     */
    public void send(Function<? super S, List<Event>> eventsFor) {
        for (Subscription<S> subscription : subscriptions) {
            for (Event event : eventsFor.apply(subscription.subscriber)) {
                if (!subscription.offer(event)) {
                    log.debug("A {} stream stopped reading; it is ended", purpose);
                    break;
                }
            }
        }
    }

    /** Whether any stream is open. */
    public boolean isEmpty() {
        return subscriptions.isEmpty();
    }

    /** Ends every stream, e.g. so that the web server's graceful shutdown does not wait for them. */
    public void endAll() {
        subscriptions.forEach(Subscription::end);
    }

    private String frame(Event event) {
        return "event: " + event.name() + "\ndata: " + json.writeValueAsString(event.data()) + "\n\n";
    }

    private static void write(ServletOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Identity matters: one user may have several streams open. */
    private record Subscription<S>(S subscriber, BlockingQueue<Event> queue) {

        /** Queues the event; when the queue is full, ends the stream instead and says so. */
        boolean offer(Event event) {
            if (queue.offer(event)) return true;
            end();
            return false;
        }

        void end() {
            queue.clear();
            queue.offer(Event.END);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
