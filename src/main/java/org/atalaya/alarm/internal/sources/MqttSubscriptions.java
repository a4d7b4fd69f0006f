package org.atalaya.alarm.internal.sources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.atalaya.platform.BackgroundWorker;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps one MQTT client per distinct broker and credentials, subscribed to the topic filters of the enabled MQTT
 * sources that use it. Every {@code sync-every}, and at once after a source changes, the clients are compared with the
 * sources: clients nobody needs are closed, new ones made, lost ones reconnected after their wait. A payload that
 * cannot be read is the source's last error, never the client's end.
 */
@BackgroundWorker
class MqttSubscriptions implements SmartLifecycle {

    /** Which broker with which credentials; the password only as a fingerprint, so the key may be shown. */
    private record BrokerKey(String brokerUrl, String username, String passwordFingerprint) {
    }

    private static final Logger log = LoggerFactory.getLogger(MqttSubscriptions.class);

    private final AlarmSourceStore store;
    private final AlarmSourceRegistry registry;
    private final SourceEventParser parser;
    private final SourceEventReceiver receiver;
    private final MqttStatuses statuses;
    private final AlarmSourcesProperties properties;
    private final Clock clock;
    private final Map<BrokerKey, BrokerConnection> connections = new HashMap<>();
    private final Map<Long, AtomicLong> refusedPayloads = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    MqttSubscriptions(AlarmSourceStore store, AlarmSourceRegistry registry, SourceEventParser parser,
                      SourceEventReceiver receiver, MqttStatuses statuses, AlarmSourcesProperties properties,
                      Clock clock) {
        this.store = store;
        this.registry = registry;
        this.parser = parser;
        this.receiver = receiver;
        this.statuses = statuses;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("alarm-sources-mqtt").daemon().factory());
        long every = properties.syncEvery().toMillis();
        scheduler.scheduleWithFixedDelay(this::syncSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running == null) return;
        running.shutdownNow();
        try {
            running.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (connections) {
            connections.values().forEach(BrokerConnection::close);
            connections.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** A source was created, changed or deleted: follow it now rather than at the next tick. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void sourcesChanged(AlarmSourcesChanged change) {
        ScheduledExecutorService running = scheduler;
        if (running != null) running.execute(this::syncSafely);
    }

    private void syncSafely() {
        try {
            sync();
        } catch (RuntimeException e) {
            log.warn("Could not bring the MQTT subscriptions up to date, will try again: {}", e.getMessage());
        }
    }

    /** Compares the clients with the enabled MQTT sources and puts right what differs. */
    void sync() {
        Map<BrokerKey, List<AlarmSource>> wanted = new LinkedHashMap<>();
        Map<BrokerKey, String> passwords = new HashMap<>();
        Set<Long> followed = new HashSet<>();
        Instant now = clock.instant();
        for (AlarmSource source : store.enabledMqtt()) {
            String password;
            try {
                password = source.mqtt().hasPassword() ? registry.mqttPassword(source.id()) : null;
            } catch (IllegalStateException e) {
                statuses.set(List.of(source.id()), MqttStatuses.ConnectionStatus.ERROR,
                        "the stored password cannot be opened with this server's secrets key", now);
                followed.add(source.id());
                continue;
            }
            var key = new BrokerKey(source.mqtt().brokerUrl(), source.mqtt().username(), fingerprint(password));
            wanted.computeIfAbsent(key, ignored -> new ArrayList<>()).add(source);
            passwords.put(key, password);
            followed.add(source.id());
        }
        synchronized (connections) {
            connections.entrySet().removeIf(entry -> {
                if (wanted.containsKey(entry.getKey())) return false;
                entry.getValue().close();
                return true;
            });
            wanted.forEach((key, sources) -> {
                BrokerConnection connection = connections.get(key);
                if (connection == null) {
                    try {
                        connection = new BrokerConnection(key.brokerUrl(), key.username(), passwords.get(key),
                                properties, this::deliver);
                    } catch (MqttException | IllegalArgumentException e) {
                        statuses.set(sources.stream().map(AlarmSource::id).toList(),
                                MqttStatuses.ConnectionStatus.ERROR, "cannot use the broker address: "
                                        + BrokerConnection.inWords(e), now);
                        return;
                    }
                    connections.put(key, connection);
                }
                connection.follow(sources);
                connection.connectIfDue(now);
                connection.health().forEach((id, health) ->
                        statuses.set(List.of(id), health.state(), health.problem(), now));
            });
        }
        statuses.keepOnly(followed);
        refusedPayloads.keySet().retainAll(followed);
    }

    /** Raises the alarm for a message, or keeps why it was refused; never throws into the MQTT client. */
    private void deliver(AlarmSource source, String topic, byte[] payload) {
        try {
            receiver.receive(source, parser.fromMqtt(payload));
        } catch (AlarmSourceProblem refused) {
            long count = refusedPayloads.computeIfAbsent(source.id(), id -> new AtomicLong()).incrementAndGet();
            if (count % properties.badPayloadLogEvery() == 1 || properties.badPayloadLogEvery() == 1) {
                log.warn("MQTT source {} sent a payload on {} that cannot be read ({} so far): {}", source.name(),
                        topic, count, refused.getMessage());
            }
            keepError(source, "payload on " + topic + " refused: " + refused.getMessage());
        } catch (RuntimeException e) {
            log.warn("MQTT source {}: could not raise the alarm for a message on {}: {}", source.name(), topic,
                    e.getMessage());
            keepError(source, "could not raise the alarm for a message on " + topic + ": " + e.getMessage());
        }
    }

    private void keepError(AlarmSource source, String error) {
        try {
            receiver.refused(source, error);
        } catch (RuntimeException e) {
            log.warn("MQTT source {}: could not keep its last error: {}", source.name(), e.getMessage());
        }
    }

    private static String fingerprint(String password) {
        if (password == null) return "";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
