package org.atalaya.kpi.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atalaya.dispatch.AssignmentTimes;
import org.atalaya.incident.IncidentView;
import org.atalaya.intake.CallTimes;

/**
 * The calls, incidents and assignments a report is computed from.
 *
 * @param calls       the calls offered in the period
 * @param incidents   the incidents opened in the period, and those the period's calls were added to
 * @param assignments every assignment of those incidents
 */
record ResponseTimeData(List<CallTimes> calls, List<IncidentView> incidents, List<AssignmentTimes> assignments) {

    ResponseTimeData {
        calls = List.copyOf(calls);
        incidents = List.copyOf(incidents);
        assignments = List.copyOf(assignments);
    }

    /**
     * Narrowed to one incident type and/or one agency (null for any). A type keeps the incidents of that type, their
     * calls and their assignments. An agency keeps its own assignments and the incidents it was assigned to; it does
     * not narrow the calls, since a call is answered before any agency is involved.
     */
    ResponseTimeData narrowedTo(String agency, String typeCode) {
        List<IncidentView> keptIncidents = incidents;
        List<AssignmentTimes> keptAssignments = assignments;
        List<CallTimes> keptCalls = calls;
        if (typeCode != null) {
            keptIncidents = keptIncidents.stream().filter(incident -> typeCode.equals(incident.typeCode())).toList();
            Set<Long> ids = ids(keptIncidents);
            keptCalls = keptCalls.stream().filter(call -> call.incidentId() != null && ids.contains(call.incidentId()))
                    .toList();
            keptAssignments = keptAssignments.stream().filter(assignment -> ids.contains(assignment.incidentId()))
                    .toList();
        }
        if (agency != null) {
            keptAssignments = keptAssignments.stream().filter(assignment -> agency.equals(assignment.agency())).toList();
            Set<Long> assigned = keptAssignments.stream().map(AssignmentTimes::incidentId).collect(Collectors.toSet());
            keptIncidents = keptIncidents.stream().filter(incident -> assigned.contains(incident.id())).toList();
        }
        return new ResponseTimeData(keptCalls, keptIncidents, keptAssignments);
    }

    Map<Long, IncidentView> incidentsById() {
        return incidents.stream().collect(Collectors.toMap(IncidentView::id, Function.identity(), (a, b) -> a));
    }

    private static Set<Long> ids(List<IncidentView> incidents) {
        return incidents.stream().map(IncidentView::id).collect(Collectors.toSet());
    }
}
