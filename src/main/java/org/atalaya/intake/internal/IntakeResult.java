package org.atalaya.intake.internal;

/** A call taken down: the call as it is now and the incident it belongs to. */
record IntakeResult(CallView call, long incidentId, String incidentNumber) {
}
