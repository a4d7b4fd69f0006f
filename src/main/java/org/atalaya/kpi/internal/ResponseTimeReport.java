package org.atalaya.kpi.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The response times of one period: each measure overall, the cases left out of them, and the breakdowns.
 *
 * @param overall         every measure, in {@link Measure} order
 * @param byAgency        per agency of the assigned unit, for the measures that belong to an agency
 * @param byType          per incident type; a null key gathers calls that belong to no incident
 * @param byPeriod        per hour or day of the period, every bucket present even when empty
 * @param answerHistogram how many answered calls took how long
 */
record ResponseTimeReport(ReportPeriod period, Targets targets, Map<Measure, MeasureStats> overall, CallCounts calls,
                          IncidentCounts incidents, List<Breakdown> byAgency, List<Breakdown> byType,
                          List<PeriodRow> byPeriod, List<HistogramBin> answerHistogram) {

    /**
     * @param answered          calls answered (over the telephone system); their answer times are measured
     * @param abandoned         calls that ended without being answered
     * @param ringing           calls not answered that had not ended when the report was made
     * @param typedIn           calls entered by hand by a call-taker: they have no ring time of their own
     */
    record CallCounts(int answered, int abandoned, int ringing, int typedIn) {

        int total() {
            return answered + abandoned + ringing + typedIn;
        }
    }

    /**
     * @param opened           incidents opened in the period (merged ones not counted)
     * @param withoutCall      of them, those that did not start with a call (from an alarm, for instance): no call
     *                         processing time nor first-on-scene time is measured for them
     * @param notYetDispatched of those with a call, the ones no unit was dispatched to
     */
    record IncidentCounts(int opened, int withoutCall, int notYetDispatched) {
    }

    record Breakdown(String key, Map<Measure, MeasureStats> measures) {
    }

    record PeriodRow(Instant start, Map<Measure, MeasureStats> measures) {
    }

    /** Answered calls that took from {@code from} (inclusive) to {@code to} (exclusive; null: no upper end). */
    record HistogramBin(Duration from, Duration to, int count, boolean withinTarget) {
    }

    public boolean empty() {
        return calls.total() == 0 && incidents.opened() == 0
                && overall.values().stream().allMatch(MeasureStats::empty);
    }
}
