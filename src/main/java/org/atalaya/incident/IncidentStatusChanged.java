package org.atalaya.incident;

import java.time.Instant;

/** An incident moved from one status to another (closing and cancelling included). */
public record IncidentStatusChanged(long incidentId, String number, IncidentStatus from, IncidentStatus to,
                                    Instant at, String by) {
}
