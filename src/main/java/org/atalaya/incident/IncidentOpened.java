package org.atalaya.incident;

import java.time.Instant;

/** An incident was opened. */
public record IncidentOpened(long incidentId, String number, String typeCode, int priority, Double latitude,
                             Double longitude, Instant at, String by) {
}
