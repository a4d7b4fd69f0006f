package org.atalaya.incident.internal;

import java.time.Instant;

import org.atalaya.incident.IncidentStatus;

/**
 * One line of an incident's narrative.
 *
 * @param kind       what the entry records: a note, a status change, a merge, a call, an alarm or a unit
 * @param copiedFrom the number of the duplicate this entry came from when it was merged, or null
 */
record LogEntry(long id, Instant at, String author, Kind kind, String text, IncidentStatus fromStatus,
                IncidentStatus toStatus, String copiedFrom) {

    enum Kind { NOTE, STATUS, MERGE, CALL, ALARM, UNIT }
}
