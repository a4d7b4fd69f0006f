package org.atalaya.alarm.internal;

/** A camera attached to an alarm; the name is empty when the camera no longer exists. */
record AlarmCamera(long id, String name) {
}
