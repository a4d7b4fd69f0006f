package org.atalaya.alarm.internal.sources;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * External alarm sources: panic buttons and sensors reaching Atalaya through a webhook or MQTT.
 *
 * @param webhookEventsPerSecond how many events one webhook source may send per second; further events in the same
 *                               second are refused with 429 (a stuck sensor cannot flood the database). Default 50.
 * @param syncEvery              how often the MQTT subscriptions are compared with the sources (changes made through
 *                               the API are applied at once as well) and failed first connections retried. Default 2 s.
 * @param mqttConnectTimeout     how long a connection to an MQTT broker may take. Default 10 s.
 * @param mqttKeepAlive          the MQTT keep-alive interval, after which a silent broker counts as lost. Default 30 s.
 * @param mqttMaxReconnectDelay  the longest wait between reconnection attempts to a lost broker (the wait doubles from
 *                               1 s up to this). Default 30 s.
 * @param badPayloadLogEvery     a source sending unreadable payloads is logged at its first one and then once every
 *                               this many; each one is still shown as the source's last error. Default 100.
 */
@ConfigurationProperties("atalaya.alarm.sources")
record AlarmSourcesProperties(Integer webhookEventsPerSecond, Duration syncEvery, Duration mqttConnectTimeout,
                              Duration mqttKeepAlive, Duration mqttMaxReconnectDelay, Integer badPayloadLogEvery) {

    AlarmSourcesProperties {
        if (webhookEventsPerSecond == null) webhookEventsPerSecond = 50;
        if (syncEvery == null) syncEvery = Duration.ofSeconds(2);
        if (mqttConnectTimeout == null) mqttConnectTimeout = Duration.ofSeconds(10);
        if (mqttKeepAlive == null) mqttKeepAlive = Duration.ofSeconds(30);
        if (mqttMaxReconnectDelay == null) mqttMaxReconnectDelay = Duration.ofSeconds(30);
        if (badPayloadLogEvery == null) badPayloadLogEvery = 100;
        if (webhookEventsPerSecond < 1) throw new IllegalArgumentException(
                "atalaya.alarm.sources.webhook-events-per-second must be at least 1");
        if (badPayloadLogEvery < 1) throw new IllegalArgumentException(
                "atalaya.alarm.sources.bad-payload-log-every must be at least 1");
    }
}
