package org.atalaya.analytics.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A weekly window in which motion is armed, in the analytics time zone. A window whose {@code to} is not after its
 * {@code from} runs past midnight into the next day.
 */
record ArmingWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    ArmingWindow {
        days = Set.copyOf(days);
    }
}
