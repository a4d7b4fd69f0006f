package org.atalaya.alarm.internal.sources;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** How each enabled MQTT source's connection is doing, as the subscriptions last saw it. */
@Component
class MqttStatuses {

    /**
     * @param state   {@code connected}, {@code connecting} or {@code error}
     * @param problem why not connected, in words, or {@code null}
     * @param since   when the state began
     */
    record ConnectionStatus(String state, String problem, Instant since) {

        static final String CONNECTED = "connected";
        static final String CONNECTING = "connecting";
        static final String ERROR = "error";
    }

    private final Map<Long, ConnectionStatus> bySource = new ConcurrentHashMap<>();

    Optional<ConnectionStatus> of(long sourceId) {
        return Optional.ofNullable(bySource.get(sourceId));
    }

    /** Sets the status of the sources; a source whose state stays the same keeps its {@code since}. */
    void set(Collection<Long> sourceIds, String state, String problem, Instant at) {
        for (long id : sourceIds) {
            bySource.compute(id, (key, current) -> current != null && current.state().equals(state)
                    && Objects.equals(current.problem(), problem) ? current : new ConnectionStatus(state, problem, at));
        }
    }

    /** Forgets the sources that are no longer subscribed (deleted, disabled, turned into something else). */
    void keepOnly(Collection<Long> sourceIds) {
        bySource.keySet().retainAll(sourceIds);
    }
}
