package org.atalaya.alarm.internal;

import java.time.Instant;
import java.util.List;

/** One row of {@code alarm}, as stored. */
record AlarmRow(long id, String type, int priority, AlarmState state, String source, String dedupKey, String detail,
                Instant firstAt, Instant lastAt, int count, List<Long> cameraIds, String cameraGroup,
                Double latitude, Double longitude, String assignee, Instant acknowledgedAt, String acknowledgedBy,
                Instant startedAt, Instant closedAt, String closedBy, String outcome, String outcomeNote,
                Instant escalatedAt, Instant incidentRequestedAt, String incidentRequestedBy) {

    AlarmRow {
        cameraIds = List.copyOf(cameraIds);
    }

    /** How audit entries name an alarm. */
    String auditTarget() {
        return auditTarget(id);
    }

    static String auditTarget(long id) {
        return "alarm:" + id;
    }
}
