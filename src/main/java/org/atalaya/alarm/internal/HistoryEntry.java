package org.atalaya.alarm.internal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step in an alarm's life, for its detail view.
 *
 * @param action e.g. {@code raised}, {@code acknowledged}, {@code closed}
 * @param by     the username of who took it, or {@code system}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record HistoryEntry(Instant at, String action, String by, String detail) {
}
