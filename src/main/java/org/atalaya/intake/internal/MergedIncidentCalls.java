package org.atalaya.intake.internal;

import org.atalaya.incident.IncidentsMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A merge keeps every call: the duplicate's calls move to the incident it was merged into. */
@Component
class MergedIncidentCalls {

    private final CallStore store;

    MergedIncidentCalls(CallStore store) {
        this.store = store;
    }

    @ApplicationModuleListener
    void on(IncidentsMerged merged) {
        store.moveCalls(merged.duplicateId(), merged.survivorId());
    }
}
