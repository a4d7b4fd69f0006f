package org.atalaya.kpi.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atalaya.dispatch.AssignmentTimes;
import org.atalaya.incident.IncidentView;
import org.atalaya.intake.CallChannel;
import org.atalaya.intake.CallTimes;
import org.atalaya.kpi.internal.ResponseTimeReport.Breakdown;
import org.atalaya.kpi.internal.ResponseTimeReport.CallCounts;
import org.atalaya.kpi.internal.ResponseTimeReport.HistogramBin;
import org.atalaya.kpi.internal.ResponseTimeReport.IncidentCounts;
import org.atalaya.kpi.internal.ResponseTimeReport.PeriodRow;

/**
 * Computes response times from time stamps, with no database and no clock.
 *
 * <ul>
 *   <li>Answer time: offered → answered, per call answered over the telephone system. Abandoned calls, calls still
 *   ringing and calls typed in by hand (they have no ring time) are counted apart.</li>
 *   <li>Call processing: the incident's first call answered → its first assignment dispatched. Incidents that did not
 *   start with a call are left out and counted.</li>
 *   <li>Turnout: dispatched → en route, and travel: en route → on scene, per assignment; the turnout target depends on
 *   the agency kind of the unit.</li>
 *   <li>First on scene: the incident's first call answered → its first unit on scene.</li>
 * </ul>
 * Incidents merged into another are left out (the one they joined counts). A span that would be negative (time stamps
 * out of order) is not a measurement and is left out.
 */
final class ResponseTimeCalculator {

    static final Duration HISTOGRAM_STEP = Duration.ofSeconds(5);
    static final int HISTOGRAM_BOUNDED_BINS = 12;

    private final Targets targets;

    ResponseTimeCalculator(Targets targets) {
        this.targets = targets;
    }

    ResponseTimeReport calculate(ReportPeriod period, ResponseTimeData data) {
        List<Sample> samples = new ArrayList<>();
        CallCounts calls = answerTimes(data, samples);
        IncidentCounts incidents = incidentTimes(period, data, samples);
        return new ResponseTimeReport(period, targets, stats(samples), calls, incidents,
                byAgency(samples), byType(samples), byPeriod(period, samples), answerHistogram(samples));
    }

    private CallCounts answerTimes(ResponseTimeData data, List<Sample> samples) {
        Map<Long, IncidentView> incidents = data.incidentsById();
        int answered = 0, abandoned = 0, ringing = 0, typedIn = 0;
        for (CallTimes call : data.calls()) {
            if (call.channel() == CallChannel.MANUAL) {
                typedIn++;
            } else if (call.answeredAt() == null) {
                if (call.endedAt() != null) abandoned++;
                else ringing++;
            } else {
                answered++;
                IncidentView incident = call.incidentId() == null ? null : incidents.get(call.incidentId());
                add(samples, Measure.ANSWER, call.offeredAt(), call.answeredAt(), targets.answer(), null,
                        incident == null ? null : incident.typeCode());
            }
        }
        return new CallCounts(answered, abandoned, ringing, typedIn);
    }

    private IncidentCounts incidentTimes(ReportPeriod period, ResponseTimeData data, List<Sample> samples) {
        Map<Long, List<AssignmentTimes>> assignments = data.assignments().stream()
                .collect(Collectors.groupingBy(AssignmentTimes::incidentId));
        int opened = 0, withoutCall = 0, notYetDispatched = 0;
        for (IncidentView incident : data.incidents()) {
            if (incident.mergedInto() != null || !period.contains(incident.createdAt())) continue;
            opened++;
            List<AssignmentTimes> own = assignments.getOrDefault(incident.id(), List.of());
            for (AssignmentTimes assignment : own) {
                unitTimes(incident, assignment, samples);
            }
            if (incident.callAnsweredAt() == null) {
                withoutCall++;
                continue;
            }
            Optional<AssignmentTimes> firstDispatched = first(own, AssignmentTimes::dispatchedAt);
            if (firstDispatched.isEmpty()) {
                notYetDispatched++;
            } else {
                add(samples, Measure.CALL_PROCESSING, incident.callAnsweredAt(), firstDispatched.get().dispatchedAt(),
                        targets.callProcessing(), firstDispatched.get().agency(), incident.typeCode());
            }
            first(own, AssignmentTimes::onSceneAt).ifPresent(firstOnScene -> add(samples, Measure.FIRST_ON_SCENE,
                    incident.callAnsweredAt(), firstOnScene.onSceneAt(), targets.firstOnScene(), firstOnScene.agency(),
                    incident.typeCode()));
        }
        return new IncidentCounts(opened, withoutCall, notYetDispatched);
    }

    private void unitTimes(IncidentView incident, AssignmentTimes assignment, List<Sample> samples) {
        if (assignment.dispatchedAt() != null && assignment.enRouteAt() != null) {
            add(samples, Measure.TURNOUT, assignment.dispatchedAt(), assignment.enRouteAt(),
                    targets.turnout(assignment.agencyKind()), assignment.agency(), incident.typeCode());
        }
        if (assignment.enRouteAt() != null && assignment.onSceneAt() != null) {
            add(samples, Measure.TRAVEL, assignment.enRouteAt(), assignment.onSceneAt(), targets.travel(),
                    assignment.agency(), incident.typeCode());
        }
    }

    private static Optional<AssignmentTimes> first(List<AssignmentTimes> assignments,
                                                   Function<AssignmentTimes, Instant> stamp) {
        return assignments.stream().filter(assignment -> stamp.apply(assignment) != null)
                .min(Comparator.comparing(stamp));
    }

    private static void add(List<Sample> samples, Measure measure, Instant from, Instant to, Duration target,
                            String agency, String typeCode) {
        Duration duration = Duration.between(from, to);
        if (!duration.isNegative()) {
            samples.add(new Sample(measure, from, duration, target, agency, typeCode));
        }
    }

    private Map<Measure, MeasureStats> stats(List<Sample> samples) {
        Map<Measure, MeasureStats> stats = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            stats.put(measure, MeasureStats.of(samples.stream().filter(sample -> sample.measure() == measure).toList(),
                    targets.requiredShare(measure)));
        }
        return stats;
    }

    private List<Breakdown> byAgency(List<Sample> samples) {
        return grouped(samples.stream().filter(sample -> sample.measure().perAgency()).toList(), Sample::agency).entrySet()
                .stream().map(group -> new Breakdown(group.getKey(), stats(group.getValue()))).toList();
    }

    private List<Breakdown> byType(List<Sample> samples) {
        return grouped(samples, Sample::typeCode).entrySet().stream()
                .map(group -> new Breakdown(group.getKey(), stats(group.getValue()))).toList();
    }

    /** Groups by a key that may be null; keys sorted, the null one last. */
    private static Map<String, List<Sample>> grouped(List<Sample> samples, Function<Sample, String> key) {
        Map<String, List<Sample>> groups = new HashMap<>();
        for (Sample sample : samples) {
            groups.computeIfAbsent(key.apply(sample), ignored -> new ArrayList<>()).add(sample);
        }
        Map<String, List<Sample>> sorted = new LinkedHashMap<>();
        groups.keySet().stream().sorted(Comparator.nullsLast(Comparator.naturalOrder()))
                .forEach(name -> sorted.put(name, groups.get(name)));
        return sorted;
    }

    private List<PeriodRow> byPeriod(ReportPeriod period, List<Sample> samples) {
        Map<Instant, List<Sample>> buckets = samples.stream()
                .collect(Collectors.groupingBy(sample -> period.bucketOf(sample.startedAt())));
        return period.bucketStarts().stream()
                .map(start -> new PeriodRow(start, stats(buckets.getOrDefault(start, List.of())))).toList();
    }

    private List<HistogramBin> answerHistogram(List<Sample> samples) {
        List<Duration> answers = samples.stream().filter(sample -> sample.measure() == Measure.ANSWER)
                .map(Sample::duration).toList();
        List<HistogramBin> bins = new ArrayList<>();
        for (int bin = 0; bin <= HISTOGRAM_BOUNDED_BINS; bin++) {
            Duration from = HISTOGRAM_STEP.multipliedBy(bin);
            Duration to = bin == HISTOGRAM_BOUNDED_BINS ? null : from.plus(HISTOGRAM_STEP);
            int count = (int) answers.stream()
                    .filter(answer -> answer.compareTo(from) >= 0 && (to == null || answer.compareTo(to) < 0)).count();
            bins.add(new HistogramBin(from, to, count, to != null && to.compareTo(targets.answer()) <= 0));
        }
        return bins;
    }
}
