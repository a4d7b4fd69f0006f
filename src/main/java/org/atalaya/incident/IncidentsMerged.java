package org.atalaya.incident;

import java.time.Instant;

/**
 * A duplicate incident was merged into another: its calls, units and narrative now belong to the survivor, and the
 * duplicate is cancelled (its {@code mergedInto} says where it went).
 */
public record IncidentsMerged(long duplicateId, long survivorId, Instant at, String by) {
}
