package org.atalaya.kpi.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * What a person asked a report of: a period of days and, optionally, one agency and one incident type.
 *
 * @param agency   an agency's name, null for all
 * @param typeCode an incident type's code, null for all
 */
record KpiQuery(ReportPeriod period, String agency, String typeCode) {

    static final int DEFAULT_DAYS = 7;

    /**
     * From request parameters, any of which may be missing or blank: without dates, the last seven days up to today
     * in the centre's zone; with only one of them, seven days from or up to it.
     */
    static KpiQuery parse(String from, String to, String agency, String type, LocalDate today, ZoneId zone) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first == null && last == null) last = today;
        if (last == null) last = first.plusDays(DEFAULT_DAYS - 1);
        if (first == null) first = last.minusDays(DEFAULT_DAYS - 1);
        if (last.isBefore(first)) throw KpiProblem.endsBeforeItStarts();
        var period = new ReportPeriod(first, last, zone);
        if (period.days() > ReportPeriod.LONGEST_DAYS) throw KpiProblem.tooLong(ReportPeriod.LONGEST_DAYS);
        return new KpiQuery(period, blankToNull(agency), blankToNull(type));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw KpiProblem.notADate(field, value.strip());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
