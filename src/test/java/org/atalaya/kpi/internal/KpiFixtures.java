package org.atalaya.kpi.internal;

import java.time.Instant;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.AssignmentTimes;
import org.atalaya.incident.IncidentStatus;
import org.atalaya.incident.IncidentView;
import org.atalaya.intake.CallChannel;
import org.atalaya.intake.CallTimes;

/** Calls, incidents and assignments with chosen time stamps, for the calculator's tests. */
final class KpiFixtures {

    /** 09:00 in Jujuy (UTC-3) on the last day of the tests' week. */
    static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

    private KpiFixtures() {
    }

    static Instant at(double secondsAfterT) {
        return T.plusMillis(Math.round(secondsAfterT * 1000));
    }

    static CallTimes answeredCall(long id, double offered, double answered, Long incidentId) {
        return new CallTimes(id, CallChannel.SIP, at(offered), at(answered), at(answered + 60), incidentId);
    }

    static CallTimes abandonedCall(long id, double offered) {
        return new CallTimes(id, CallChannel.SIP, at(offered), null, at(offered + 30), null);
    }

    static CallTimes ringingCall(long id, double offered) {
        return new CallTimes(id, CallChannel.SIP, at(offered), null, null, null);
    }

    static CallTimes typedInCall(long id, double at, Long incidentId) {
        return new CallTimes(id, CallChannel.MANUAL, at(at), at(at), at(at + 60), incidentId);
    }

    /** An incident that started with a call answered {@code answered} seconds after T. */
    static IncidentView incident(long id, String type, double answered) {
        return new IncidentView(id, "INC-2026-" + id, type, 2, IncidentStatus.DISPATCHED, -24.186, -65.299, null,
                "summary", at(answered - 5), at(answered), at(answered + 1), null, null, null, null, null);
    }

    /** An incident opened from an alarm: no call. */
    static IncidentView incidentWithoutCall(long id, String type, double created) {
        return new IncidentView(id, "INC-2026-" + id, type, 2, IncidentStatus.NEW, null, null, "Belgrano 100",
                "summary", null, null, at(created), null, null, null, null, null);
    }

    static IncidentView merged(IncidentView incident, long into) {
        return new IncidentView(incident.id(), incident.number(), incident.typeCode(), incident.priority(),
                IncidentStatus.CANCELLED, incident.latitude(), incident.longitude(), incident.address(),
                incident.summary(), incident.callOfferedAt(), incident.callAnsweredAt(), incident.createdAt(),
                incident.dispatchedAt(), incident.enRouteAt(), incident.onSceneAt(), incident.endedAt(), into);
    }

    /** An assignment; a null stage was not reached. */
    static AssignmentTimes assignment(long incidentId, long unitId, String agency, AgencyKind kind, Double dispatched,
                                      Double enRoute, Double onScene) {
        return new AssignmentTimes(incidentId, unitId, agency, kind, kind == AgencyKind.EMS ? "ambulance" : "engine",
                dispatched == null ? null : at(dispatched), enRoute == null ? null : at(enRoute),
                onScene == null ? null : at(onScene), null);
    }
}
