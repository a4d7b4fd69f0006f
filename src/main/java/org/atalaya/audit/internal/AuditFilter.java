package org.atalaya.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.atalaya.audit.AuditEvent.Outcome;

/**
 * What an auditor looks for: a time range (UTC, {@code to} exclusive), an actor (exact), an action and a target
 * (both "starts with") and an outcome. Every part is optional.
 */
record AuditFilter(Instant from, Instant to, String actor, String actionPrefix, String targetPrefix, Outcome outcome) {

    /**
     * Reads the filter from request parameters, all optional. Times are UTC: {@code 2025-03-01},
     * {@code 2025-03-01T10:15}, {@code 2025-03-01T10:15:30} or an instant with an offset. A date or minute given as
     * {@code to} includes that whole day or minute.
     */
    static AuditFilter parse(String from, String to, String actor, String action, String target, String outcome) {
        return new AuditFilter(time("from", from, false), time("to", to, true), blankToNull(actor),
                blankToNull(action), blankToNull(target), outcome(outcome));
    }

    /** The filter as request parameters (only the parts given), for links to more pages and exports. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (from != null) parameters.put("from", from.toString());
        if (to != null) parameters.put("to", to.toString());
        if (actor != null) parameters.put("actor", actor);
        if (actionPrefix != null) parameters.put("action", actionPrefix);
        if (targetPrefix != null) parameters.put("target", targetPrefix);
        if (outcome != null) parameters.put("outcome", outcome.name());
        return parameters;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Outcome outcome(String value) {
        String given = blankToNull(value);
        if (given == null) return null;
        try {
            return Outcome.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditQueryException("outcome", given);
        }
    }

    private static Instant time(String field, String value, boolean inclusiveEnd) {
        String given = blankToNull(value);
        if (given == null) return null;
        try {
            if (given.length() == 10) {
                Instant day = LocalDate.parse(given).atStartOfDay().toInstant(ZoneOffset.UTC);
                return inclusiveEnd ? day.plus(Duration.ofDays(1)) : day;
            }
            if (given.endsWith("Z") || given.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(given).toInstant();
            }
            Instant local = LocalDateTime.parse(given).toInstant(ZoneOffset.UTC);
            boolean minutesOnly = given.length() == 16;
            return inclusiveEnd && minutesOnly ? local.plus(Duration.ofMinutes(1)) : local;
        } catch (DateTimeParseException e) {
            throw new InvalidAuditQueryException(field, given);
        }
    }
}
