package org.atalaya.alarm.internal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of an alarm's checklist.
 *
 * @param index  its place in the checklist, from 0
 * @param doneBy who ticked it, or null while not done
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record SopLine(int index, String text, boolean done, String doneBy, Instant doneAt) {
}
