package org.atalaya.alarm.internal.sources;

import java.time.Instant;
import java.util.List;

/**
 * A source as the API shows it: never its password nor its token's hash. The token appears only in the answer that
 * made it (creation, rotation).
 *
 * @param webhookPath where a webhook source posts its events
 * @param connection  an enabled MQTT source's connection; {@code null} otherwise
 * @param token       the new webhook token, in the creation or rotation answer only
 */
record AlarmSourceView(long id, String name, String kind, String alarmType, boolean enabled, Double latitude,
                       Double longitude, List<Long> cameraIds, String webhookPath, String brokerUrl, String username,
                       Boolean hasPassword, String topicFilter, Integer qos, Instant createdAt, String createdBy,
                       Instant updatedAt, Instant lastEventAt, String lastEventState, Instant lastErrorAt,
                       String lastError, MqttStatuses.ConnectionStatus connection, String token) {

    static final String TOKEN_HEADER = "X-Atalaya-Source-Token";

    static String webhookPath(long id) {
        return "/api/v1/alarm-sources/" + id + "/events";
    }

    static AlarmSourceView of(AlarmSource source, MqttStatuses statuses, String token) {
        AlarmSource.MqttSettings mqtt = source.mqtt();
        boolean isMqtt = mqtt != null;
        return new AlarmSourceView(source.id(), source.name(), source.kind().value(), source.alarmType(),
                source.enabled(), source.latitude(), source.longitude(), source.cameraIds(),
                isMqtt ? null : webhookPath(source.id()), isMqtt ? mqtt.brokerUrl() : null,
                isMqtt ? mqtt.username() : null, isMqtt ? mqtt.hasPassword() : null,
                isMqtt ? mqtt.topicFilter() : null, isMqtt ? mqtt.qos() : null, source.createdAt(),
                source.createdBy(), source.updatedAt(), source.lastEventAt(), source.lastEventState(),
                source.lastErrorAt(), source.lastError(),
                isMqtt && source.enabled() ? statuses.of(source.id()).orElse(null) : null, token);
    }
}
