package org.atalaya.dispatch.internal;

import org.atalaya.incident.IncidentStatusChanged;
import org.atalaya.incident.Incidents;
import org.atalaya.incident.IncidentsMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows incidents' ends: a closed or cancelled incident's units are cleared; a merged duplicate's units go on
 * working the surviving incident. The merge and the duplicate's cancellation may arrive in either order, so a
 * cancellation of an incident merged into another moves its units rather than clearing them.
 */
@Component
class IncidentFollower {

    private final DispatchService dispatch;
    private final Incidents incidents;

    IncidentFollower(DispatchService dispatch, Incidents incidents) {
        this.dispatch = dispatch;
        this.incidents = incidents;
    }

    @ApplicationModuleListener
    void on(IncidentStatusChanged change) {
        if (!change.to().ended()) return;
        Long survivor = incidents.find(change.incidentId()).map(incident -> incident.mergedInto()).orElse(null);
        if (survivor != null) {
            dispatch.moveAssignments(change.incidentId(), survivor, actor(change.by()));
        } else {
            dispatch.clearIncident(change.incidentId(), "incident " + change.to().name().toLowerCase(),
                    actor(change.by()));
        }
    }

    @ApplicationModuleListener
    void on(IncidentsMerged merged) {
        dispatch.moveAssignments(merged.duplicateId(), merged.survivorId(), actor(merged.by()));
    }

    private static String actor(String by) {
        return by == null || by.isBlank() ? "system" : by;
    }
}
