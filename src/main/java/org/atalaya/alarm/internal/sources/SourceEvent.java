package org.atalaya.alarm.internal.sources;

import java.time.Instant;

/**
 * One event a source sent, checked.
 *
 * @param event    a word for what happened (e.g. panic, door-open), or {@code null}
 * @param message  in words, or {@code null}
 * @param cleared  whether the source says the condition is over (raises nothing)
 * @param dedupKey what makes two events of the source the same alarm, or {@code null}
 */
record SourceEvent(String event, String message, Instant at, boolean cleared, String dedupKey) {
}
