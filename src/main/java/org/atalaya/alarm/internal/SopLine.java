package org.atalaya.alarm.internal;

import java.time.Instant;

/**
 * One line of an alarm's checklist.
 *
 * @param index  its place in the checklist, from 0
 * @param doneBy who ticked it, or null while not done
 */
record SopLine(int index, String text, boolean done, String doneBy, Instant doneAt) {
}
