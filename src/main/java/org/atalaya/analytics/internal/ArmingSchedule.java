package org.atalaya.analytics.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** When a camera's motion is armed: always with no window, otherwise inside any of its weekly windows. */
final class ArmingSchedule {

    private final List<ArmingWindow> windows;
    private final ZoneId timeZone;

    ArmingSchedule(List<ArmingWindow> windows, ZoneId timeZone) {
        this.windows = List.copyOf(windows);
        this.timeZone = timeZone;
    }

    boolean armed(Instant at) {
        if (windows.isEmpty()) return true;
        ZonedDateTime local = at.atZone(timeZone);
        return windows.stream().anyMatch(window -> covers(window, local));
    }

    /** Whether this schedule was built from these windows. */
    boolean fits(List<ArmingWindow> windows) {
        return this.windows.equals(windows);
    }

    private static boolean covers(ArmingWindow window, ZonedDateTime local) {
        LocalTime time = local.toLocalTime();
        if (window.from().isBefore(window.to())) {
            return window.days().contains(local.getDayOfWeek())
                    && !time.isBefore(window.from()) && time.isBefore(window.to());
        }
        // runs past midnight: the evening of a listed day, or the early hours of the day after one
        return window.days().contains(local.getDayOfWeek()) && !time.isBefore(window.from())
                || window.days().contains(local.getDayOfWeek().minus(1)) && time.isBefore(window.to());
    }
}
