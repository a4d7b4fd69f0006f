package org.atalaya.intake.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Audits looks at an incident's calls (the callers' numbers and names are personal data): the first look of a user
 * at an incident's calls is recorded with the ids of the calls shown, and further looks by the same user at the same
 * incident within {@link IntakeProperties#panelAuditQuiet()} are not, so a panel refreshed by its page does not flood
 * the log.
 */
@Component
class PanelAudit {

    private record Look(String username, long incidentId) {
    }

    private final AuditLog audit;
    private final IntakeProperties properties;
    private final Clock clock;
    private final Map<Look, Instant> lastRecorded = new ConcurrentHashMap<>();

    PanelAudit(AuditLog audit, IntakeProperties properties, Clock clock) {
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    void looked(String username, long incidentId, String incidentNumber, List<CallRow> calls) {
        if (calls.isEmpty()) return;
        Instant now = clock.instant();
        Instant quietUntil = now.minus(properties.panelAuditQuiet());
        lastRecorded.values().removeIf(at -> at.isBefore(quietUntil));
        Look look = new Look(username, incidentId);
        if (lastRecorded.putIfAbsent(look, now) != null) return;
        try {
            audit.record(AuditEvent.success("call.viewed", "incident:" + incidentId).by(username)
                    .with("incident", incidentNumber)
                    .with("calls", String.join(",", calls.stream().map(call -> String.valueOf(call.id())).toList())));
        } catch (RuntimeException notRecorded) {
            lastRecorded.remove(look);
            throw notRecorded;
        }
    }
}
