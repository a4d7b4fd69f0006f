package org.atalaya.kpi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers, from the first to the last inclusive, in the centre's time zone; divided into hours
 * when it spans two days or less, into days otherwise.
 */
record ReportPeriod(LocalDate firstDay, LocalDate lastDay, ZoneId zone) {

    static final int LONGEST_DAYS = 366;

    ReportPeriod {
        if (lastDay.isBefore(firstDay)) throw new IllegalArgumentException("the period ends before it starts");
    }

    Instant start() {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    /** The instant just after the period (exclusive). */
    Instant end() {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    long days() {
        return ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
    }

    public boolean hourly() {
        return days() <= 2;
    }

    /** The start of every bucket, in order (hours of a short period cross a daylight-saving change correctly). */
    List<Instant> bucketStarts() {
        List<Instant> starts = new ArrayList<>();
        ZonedDateTime at = firstDay.atStartOfDay(zone);
        Instant end = end();
        while (at.toInstant().isBefore(end)) {
            starts.add(at.toInstant());
            at = hourly() ? at.plusHours(1) : at.plusDays(1);
        }
        return starts;
    }

    /** The start of the bucket holding the instant. */
    Instant bucketOf(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return (hourly() ? local.truncatedTo(ChronoUnit.HOURS) : local.toLocalDate().atStartOfDay(zone)).toInstant();
    }

    boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }
}
