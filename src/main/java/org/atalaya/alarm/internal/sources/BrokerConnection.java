package org.atalaya.alarm.internal.sources;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT client for one broker and one set of credentials, subscribed to the topic filters of the sources that use
 * them. Reconnection is driven from outside ({@link #connectIfDue}) with a doubling wait: Paho 1.2.5's own reconnect
 * cycle survives {@code disconnect} and {@code close} and shares its delay between all clients, so it is left off.
 * The session is clean, so every (re)connection subscribes again.
 */
final class BrokerConnection implements MqttCallback {

    /** Gets each message that matched one of the sources' topic filters; must not throw. */
    interface Delivery {
        void deliver(AlarmSource source, String topic, byte[] payload);
    }

    /**
     * How the connection does for its sources.
     *
     * @param problem why not, in words, or {@code null}
     */
    record Health(String state, String problem) {
    }

    private static final Logger log = LoggerFactory.getLogger(BrokerConnection.class);
    private static final int SUBSCRIPTION_REFUSED = 0x80;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final Delivery delivery;
    private final Duration maxDelay;
    private final String broker;

    private volatile List<AlarmSource> sources = List.of();
    private final Map<String, Integer> subscribed = new HashMap<>();
    private final Map<String, String> refusedFilters = new HashMap<>();
    private boolean connecting;
    private boolean closed;
    private int failures;
    private Instant nextAttempt = Instant.MIN;
    private String problem;

    /** @throws MqttException when Paho refuses the broker address */
    BrokerConnection(String brokerUrl, String username, String password, AlarmSourcesProperties properties,
                     Delivery delivery) throws MqttException {
        this.broker = brokerUrl;
        this.delivery = delivery;
        this.maxDelay = properties.mqttMaxReconnectDelay();
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String clientId = "atalaya-" + HexFormat.of().formatHex(random);
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        this.options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, properties.mqttConnectTimeout().toSeconds()));
        options.setKeepAliveInterval((int) Math.max(1, properties.mqttKeepAlive().toSeconds()));
        if (username != null) options.setUserName(username);
        if (password != null) options.setPassword(password.toCharArray());
        client.setCallback(this);
    }

    /** The sources this connection serves now; subscriptions follow at once when connected. */
    synchronized void follow(List<AlarmSource> wanted) {
        sources = List.copyOf(wanted);
        if (client.isConnected()) reconcileSubscriptions();
    }

    /** Starts a connection attempt when not connected and the wait after the last failure is over. */
    synchronized void connectIfDue(Instant now) {
        if (closed || connecting || client.isConnected() || now.isBefore(nextAttempt)) return;
        connecting = true;
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    connected();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    failed(Instant.now(), "cannot connect: " + inWords(cause));
                }
            });
        } catch (MqttException | RuntimeException e) {
            failed(now, "cannot connect: " + inWords(e));
        }
    }

    /** The health of the connection for each source it serves. */
    synchronized Map<Long, Health> health() {
        Map<Long, Health> health = new LinkedHashMap<>();
        for (AlarmSource source : sources) {
            String filter = source.mqtt().topicFilter();
            if (client.isConnected() && refusedFilters.containsKey(filter)) {
                health.put(source.id(), new Health(MqttStatuses.ConnectionStatus.ERROR, refusedFilters.get(filter)));
            } else if (client.isConnected() && subscribed.containsKey(filter)) {
                health.put(source.id(), new Health(MqttStatuses.ConnectionStatus.CONNECTED, null));
            } else if (problem != null) {
                health.put(source.id(), new Health(MqttStatuses.ConnectionStatus.ERROR, problem));
            } else {
                health.put(source.id(), new Health(MqttStatuses.ConnectionStatus.CONNECTING, null));
            }
        }
        return health;
    }

    /** Disconnects and lets go of the client's threads; the connection cannot be used again. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            if (client.isConnected()) client.disconnect(0).waitForCompletion(2_000);
        } catch (MqttException e) {
            log.debug("MQTT broker {}: disconnecting failed: {}", broker, e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("MQTT broker {}: closing the client failed: {}", broker, e.getMessage());
        }
    }

    private synchronized void connected() {
        connecting = false;
        failures = 0;
        problem = null;
        subscribed.clear();
        refusedFilters.clear();
        if (closed) return;
        log.info("MQTT broker {}: connected", broker);
        reconcileSubscriptions();
    }

    private synchronized void failed(Instant now, String why) {
        connecting = false;
        failures++;
        problem = why;
        long seconds = Math.min(maxDelay.toSeconds(), 1L << Math.min(failures - 1, 20));
        nextAttempt = now.plusSeconds(Math.max(1, seconds));
        if (failures == 1 || Integer.bitCount(failures) == 1) {
            log.warn("MQTT broker {}: {} (attempt {}; next in {} s)", broker, why, failures, seconds);
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        String why = "connection lost: " + inWords(cause);
        synchronized (this) {
            subscribed.clear();
            refusedFilters.clear();
            problem = why;
            failures = 0;
            nextAttempt = Instant.MIN;
        }
        log.warn("MQTT broker {}: {}", broker, why);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        for (AlarmSource source : sources) {
            if (MqttTopic.isMatched(source.mqtt().topicFilter(), topic)) {
                delivery.deliver(source, topic, message.getPayload());
            }
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // nothing is published
    }

    /** Subscribes the filters the sources want and drops those nobody wants any more. Called with the lock held. */
    private void reconcileSubscriptions() {
        Map<String, Integer> wanted = new HashMap<>();
        for (AlarmSource source : sources) {
            wanted.merge(source.mqtt().topicFilter(), source.mqtt().qos(), Math::max);
        }
        for (String filter : List.copyOf(subscribed.keySet())) {
            if (!wanted.containsKey(filter)) unsubscribe(filter);
        }
        wanted.forEach((filter, qos) -> {
            if (!qos.equals(subscribed.get(filter))) subscribe(filter, qos);
        });
    }

    private void subscribe(String filter, int qos) {
        try {
            client.subscribe(filter, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    if (granted.length > 0 && granted[0] == SUBSCRIPTION_REFUSED) {
                        subscriptionRefused(filter, "the broker refused the subscription to " + filter);
                    } else {
                        subscriptionMade(filter, qos);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    subscriptionRefused(filter, "cannot subscribe to " + filter + ": " + inWords(cause));
                }
            });
        } catch (MqttException | RuntimeException e) {
            refusedFilters.put(filter, "cannot subscribe to " + filter + ": " + inWords(e));
        }
    }

    private synchronized void subscriptionMade(String filter, int qos) {
        subscribed.put(filter, qos);
        refusedFilters.remove(filter);
    }

    private synchronized void subscriptionRefused(String filter, String why) {
        subscribed.remove(filter);
        if (!why.equals(refusedFilters.put(filter, why))) log.warn("MQTT broker {}: {}", broker, why);
    }

    private void unsubscribe(String filter) {
        subscribed.remove(filter);
        refusedFilters.remove(filter);
        try {
            client.unsubscribe(filter);
        } catch (MqttException e) {
            log.debug("MQTT broker {}: unsubscribing from {} failed: {}", broker, filter, e.getMessage());
        }
    }

    /** Paho's words and the cause's, e.g. "Unable to connect to server (Connection refused)". */
    static String inWords(Throwable failure) {
        if (failure == null) return "no reason given";
        String words = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Throwable cause = failure.getCause();
        if (cause != null && cause.getMessage() != null && !words.contains(cause.getMessage())) {
            words += " (" + cause.getMessage() + ")";
        }
        return words;
    }
}
