package org.atalaya.alarm.internal;

/** How many alarms a user sees in each state; closed ones only since the start of today (UTC). */
record AlarmCounts(int newCount, int acknowledged, int inProgress, int closedToday) {
}
