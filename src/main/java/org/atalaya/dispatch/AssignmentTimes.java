package org.atalaya.dispatch;

import java.time.Instant;

/**
 * The time stamps of one unit's assignment to an incident, for response-time reports; null for a stage the unit did
 * not (yet) reach.
 */
public record AssignmentTimes(long incidentId, long unitId, String agency, AgencyKind agencyKind, String unitType,
                              Instant dispatchedAt, Instant enRouteAt, Instant onSceneAt, Instant clearedAt) {
}
