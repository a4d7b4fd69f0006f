package org.atalaya.incident;

import java.time.Instant;

/**
 * What is needed to open an incident.
 *
 * @param priority       null takes the type's default
 * @param summary        the first narrative entry (what the caller or the alarm said)
 * @param callOfferedAt  when the call rang; null when the incident does not come from a call
 * @param callAnsweredAt when the call was answered; null when it does not come from a call
 * @param alarmId        the alarm it comes from, null when none
 */
public record NewIncident(String typeCode, Integer priority, Double latitude, Double longitude, String address,
                          String summary, Instant callOfferedAt, Instant callAnsweredAt, Long alarmId) {
}
