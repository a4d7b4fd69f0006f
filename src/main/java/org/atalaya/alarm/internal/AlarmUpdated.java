package org.atalaya.alarm.internal;

/**
 * An alarm was raised, had a signal folded in, was acted on or was escalated. Published with the application event
 * publisher only after the transaction that changed the alarm committed (from a transaction synchronisation's
 * {@code afterCommit}, or at once when there was no transaction), so a plain {@code @EventListener} reads the
 * committed alarm.
 */
record AlarmUpdated(long alarmId) {
}
