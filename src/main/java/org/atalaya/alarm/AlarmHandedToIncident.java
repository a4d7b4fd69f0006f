package org.atalaya.alarm;

import java.time.Instant;
import java.util.List;

/**
 * An operator asked for an incident to be created from an alarm; the emergency services module, when present, takes
 * it from here.
 *
 * @param by the username of the operator
 */
public record AlarmHandedToIncident(long alarmId, String type, Instant firstAt, List<Long> cameraIds, Double latitude,
                                    Double longitude, String detail, String by, Instant at) {

    public AlarmHandedToIncident {
        cameraIds = List.copyOf(cameraIds);
    }
}
