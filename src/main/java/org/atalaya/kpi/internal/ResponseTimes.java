package org.atalaya.kpi.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.atalaya.dispatch.Assignments;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.intake.CallLog;
import org.atalaya.intake.CallTimes;
import org.springframework.stereotype.Component;

/** Gathers a period's calls, incidents and assignments from their modules and computes its response times. */
@Component
class ResponseTimes {

    private final CallLog callLog;
    private final Incidents incidents;
    private final Assignments assignments;
    private final KpiProperties properties;
    private final Clock clock;

    ResponseTimes(CallLog callLog, Incidents incidents, Assignments assignments, KpiProperties properties,
                  Clock clock) {
        this.callLog = callLog;
        this.incidents = incidents;
        this.assignments = assignments;
        this.properties = properties;
        this.clock = clock;
    }

    KpiQuery query(String from, String to, String agency, String type) {
        return KpiQuery.parse(from, to, agency, type, LocalDate.now(clock.withZone(properties.zone())),
                properties.zone());
    }

    Targets targets() {
        return properties.targets();
    }

    ResponseTimeReport report(KpiQuery query) {
        return new ResponseTimeCalculator(targets()).calculate(query.period(), data(query));
    }

    /** The period's calls, its incidents (and older ones its calls were added to) and their assignments, narrowed. */
    ResponseTimeData data(KpiQuery query) {
        Instant start = query.period().start();
        Instant end = query.period().end();
        List<CallTimes> calls = callLog.offeredBetween(start, end);
        List<IncidentView> opened = new ArrayList<>(incidents.openedBetween(start, end));
        Set<Long> known = opened.stream().map(IncidentView::id).collect(Collectors.toSet());
        Set<Long> older = new LinkedHashSet<>();
        for (CallTimes call : calls) {
            if (call.incidentId() != null && !known.contains(call.incidentId())) older.add(call.incidentId());
        }
        older.forEach(id -> incidents.find(id).ifPresent(opened::add));
        List<Long> ids = opened.stream().map(IncidentView::id).toList();
        var data = new ResponseTimeData(calls, opened, ids.isEmpty() ? List.of() : assignments.ofIncidents(ids));
        return data.narrowedTo(query.agency(), query.typeCode());
    }
}
