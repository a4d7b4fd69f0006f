package org.atalaya.incident;

import java.time.Instant;

/**
 * An incident as other modules see it. The time stamps of the stages are those of the first time the incident
 * reached them; null when it has not (yet).
 *
 * @param number         the number people quote, e.g. {@code INC-2026-000123}; also the case number of video looks
 * @param latitude       null when the location is only an address (or not known yet)
 * @param callOfferedAt  when the first call about it rang, null when it did not start with a call (an alarm)
 * @param callAnsweredAt when that call was answered
 * @param mergedInto     the incident it was merged into, null unless it was
 */
public record IncidentView(long id, String number, String typeCode, int priority, IncidentStatus status,
                           Double latitude, Double longitude, String address, String summary,
                           Instant callOfferedAt, Instant callAnsweredAt, Instant createdAt, Instant dispatchedAt,
                           Instant enRouteAt, Instant onSceneAt, Instant endedAt, Long mergedInto) {

    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }
}
