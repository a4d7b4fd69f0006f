package org.atalaya.alarm.internal.sources;

import java.time.Instant;
import java.util.List;

/**
 * A panic button or sensor that raises alarms, as stored. Secrets stay in the store: the webhook token's hash and the
 * sealed MQTT password are read only where they are needed.
 *
 * @param mqtt           the broker and topic of an MQTT source; {@code null} for a webhook
 * @param lastEventState {@code active} or {@code cleared}: what the source last said, or {@code null}
 * @param lastError      why the last payload or connection failed, in words, or {@code null}
 */
record AlarmSource(long id, String name, SourceKind kind, String alarmType, boolean enabled, Double latitude,
                   Double longitude, List<Long> cameraIds, MqttSettings mqtt, Instant createdAt, String createdBy,
                   Instant updatedAt, Instant lastEventAt, String lastEventState, Instant lastErrorAt,
                   String lastError) {

    AlarmSource {
        cameraIds = List.copyOf(cameraIds);
    }

    /** How alarms and the audit log name the source, e.g. "MQTT door-3". */
    String signalSource() {
        return kind.label() + " " + name;
    }

    String auditTarget() {
        return "alarm-source:" + id + " " + name;
    }

    /**
     * @param brokerUrl   {@code tcp://host:port} or {@code ssl://host:port}
     * @param username    or {@code null} for an anonymous connection
     * @param hasPassword whether a password is stored (it is never read back out)
     * @param topicFilter an MQTT topic filter, wildcards {@code +} and {@code #} allowed
     */
    record MqttSettings(String brokerUrl, String username, boolean hasPassword, String topicFilter, int qos) {
    }
}
