package org.atalaya.kpi.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.atalaya.kpi.internal.ResponseTimeReport.CallCounts;
import org.atalaya.kpi.internal.ResponseTimeReport.IncidentCounts;

/**
 * A report as the API answers it: durations in seconds, dates in the centre's zone, periods as UTC instants.
 *
 * @param from     the first day, in {@code zone}
 * @param to       the last day (inclusive)
 * @param periodUnit {@code hour} or {@code day}: the size of the buckets of {@code byPeriod}
 */
record KpiSummary(String from, String to, String zone, String agency, String type, String periodUnit,
                  List<MeasureFigures> measures, CallCounts calls, IncidentCounts incidents,
                  List<Group> byAgency, List<Group> byType, List<Group> byPeriod) {

    /**
     * @param measure           {@code answer}, {@code call-processing}, {@code turnout}, {@code travel} or
     *                          {@code first-on-scene}
     * @param targetSeconds     absent when there is no target or when the cases have different ones (turnout)
     * @param shareWithinTarget from 0 to 1; absent when there is nothing to judge
     * @param targetMet         absent when there is nothing to judge
     */
    record MeasureFigures(String measure, int count, Double p50Seconds, Double p90Seconds, Double targetSeconds,
                          Integer withinTarget, double requiredShare, Double shareWithinTarget, Boolean targetMet) {
    }

    /** @param key the agency's name, the incident type's code (absent for calls without incident) or the instant */
    record Group(String key, List<MeasureFigures> measures) {
    }

    static KpiSummary of(KpiQuery query, ResponseTimeReport report) {
        var period = report.period();
        return new KpiSummary(period.firstDay().toString(), period.lastDay().toString(), period.zone().getId(),
                query.agency(), query.typeCode(), period.hourly() ? "hour" : "day", figures(report.overall()),
                report.calls(), report.incidents(),
                report.byAgency().stream().map(row -> new Group(row.key(), figures(row.measures()))).toList(),
                report.byType().stream().map(row -> new Group(row.key(), figures(row.measures()))).toList(),
                report.byPeriod().stream().map(row -> new Group(row.start().toString(), figures(row.measures())))
                        .toList());
    }

    private static List<MeasureFigures> figures(Map<Measure, MeasureStats> measures) {
        return measures.entrySet().stream().map(entry -> {
            var stats = entry.getValue();
            return new MeasureFigures(entry.getKey().key(), stats.count(), seconds(stats.p50()), seconds(stats.p90()),
                    seconds(stats.target()), stats.share() == null ? null : stats.withinTarget(),
                    stats.requiredShare(), stats.share(), stats.met());
        }).toList();
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }
}
