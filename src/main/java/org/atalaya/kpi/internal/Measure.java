package org.atalaya.kpi.internal;

/** The response times the centre measures, in the order a response goes through them. */
enum Measure {
    /** Call offered (ringing) to answered, per call. */
    ANSWER,
    /** First call of an incident answered to its first unit dispatched, per incident (NFPA 1225 call processing). */
    CALL_PROCESSING,
    /** Unit dispatched to en route, per assignment. */
    TURNOUT,
    /** Unit en route to on scene, per assignment. */
    TRAVEL,
    /** First call answered to the first unit on scene, per incident. */
    FIRST_ON_SCENE;

    /** Its name in URLs, CSV and JSON, e.g. {@code call-processing}. */
    String key() {
        return name().toLowerCase().replace('_', '-');
    }

    /** Whether the measure belongs to a unit's agency (and so has a breakdown by agency). */
    boolean perAgency() {
        return this != ANSWER;
    }
}
