package org.atalaya.playback.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A span of time {@code [from, to)} asked for by a request.
 *
 * @param from the first instant wanted
 * @param to   the instant after the last one wanted
 */
record TimeRange(Instant from, Instant to) {

    TimeRange {
        if (!to.isAfter(from)) throw PlaybackProblem.invalid("The end of the time range must come after its start.");
    }

    /**
     * Reads {@code from} and {@code to} as ISO-8601 instants; a missing {@code to} means {@code from} plus
     * {@code defaultLength}. A range longer than {@code longest} is refused.
     */
    static TimeRange parse(String from, String to, Duration defaultLength, Duration longest) {
        Instant start = instant("from", from);
        Instant end = to == null || to.isBlank() ? start.plus(defaultLength) : instant("to", to);
        TimeRange range = new TimeRange(start, end);
        if (range.length().compareTo(longest) > 0) {
            throw PlaybackProblem.invalid("The time range may be at most " + words(longest) + " long.");
        }
        return range;
    }

    Duration length() {
        return Duration.between(from, to);
    }

    boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /** Reads the parameter {@code name} as an ISO-8601 instant with its offset; it is required. */
    static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            throw PlaybackProblem.invalid("Parameter '" + name + "' is required: a date and time in ISO-8601 form, "
                    + "e.g. 2026-01-31T14:00:00Z.");
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw PlaybackProblem.invalid("Parameter '" + name + "' must be a date and time in ISO-8601 form with "
                    + "its offset, e.g. 2026-01-31T14:00:00Z, not '" + shortened(text) + "'.");
        }
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    static String words(Duration duration) {
        if (duration.toDaysPart() > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
            return count(duration.toDays(), "day");
        }
        if (duration.toMinutes() > 0 && duration.toMinutes() % 60 == 0) return count(duration.toHours(), "hour");
        if (duration.toSeconds() >= 60) return count(duration.toMinutes(), "minute");
        return count(duration.toSeconds(), "second");
    }

    private static String count(long number, String unit) {
        return number + " " + unit + (number == 1 ? "" : "s");
    }
}
