package org.atalaya.alarm.internal.sources;

import java.util.List;

/**
 * A source as the API and the console form send it. On a change the whole source is described again, except the
 * password: omitted keeps the stored one, an empty text removes it. The kind cannot change.
 *
 * @param alarmType the alarm type the source raises; omitted means {@code panic} for webhooks, {@code sensor} for MQTT
 * @param enabled   omitted means enabled
 * @param qos       MQTT quality of service 0, 1 or 2; omitted means 1
 */
record AlarmSourceChanges(String name, String kind, String alarmType, Boolean enabled, Double latitude,
                          Double longitude, List<Long> cameraIds, String brokerUrl, String username, String password,
                          String topicFilter, Integer qos) {
}
