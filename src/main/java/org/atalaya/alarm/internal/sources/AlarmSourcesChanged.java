package org.atalaya.alarm.internal.sources;

/** A source was created, changed or deleted: the MQTT subscriptions follow once the change is committed. */
record AlarmSourcesChanged(long sourceId) {
}
