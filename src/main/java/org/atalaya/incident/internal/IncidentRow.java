package org.atalaya.incident.internal;

import org.atalaya.incident.IncidentView;

/**
 * An incident with what only this module shows of it.
 *
 * @param outcome the outcome of a closed incident or why it was cancelled; null while it is active
 * @param alarmId the alarm it comes from, or null
 */
record IncidentRow(IncidentView view, String createdBy, String outcome, Long alarmId) {

    long id() {
        return view.id();
    }

    String number() {
        return view.number();
    }

    /** How audit entries name an incident. */
    static String auditTarget(String number) {
        return "incident:" + number;
    }

    String auditTarget() {
        return auditTarget(view.number());
    }
}
