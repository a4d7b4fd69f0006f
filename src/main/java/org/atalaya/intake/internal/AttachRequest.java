package org.atalaya.intake.internal;

/**
 * Adding a call to an existing incident; every field may be left out.
 *
 * @param narrative what this caller said, added to the incident's narrative
 */
record AttachRequest(String callerNumber, String callerName, String narrative) {

    static final AttachRequest NOTHING = new AttachRequest(null, null, null);
}
