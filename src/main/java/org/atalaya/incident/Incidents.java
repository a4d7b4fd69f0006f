package org.atalaya.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Incidents for the other emergency modules (intake, dispatch, responders, KPIs). Every change is audited. */
public interface Incidents {

    /** Opens an incident; throws an {@link IllegalArgumentException} with a person-readable message when invalid. */
    IncidentView open(NewIncident incident, String actor);

    Optional<IncidentView> find(long id);

    /** The incidents not closed or cancelled, most urgent first. */
    List<IncidentView> active();

    /** Incidents opened in [from, to), for reports. */
    List<IncidentView> openedBetween(Instant from, Instant to);

    /**
     * Moves an incident forward to DISPATCHED, EN_ROUTE or ON_SCENE at the given instant (when a unit did). A stage
     * the incident already reached or passed is ignored; so is any change to an ended incident.
     */
    IncidentView advance(long id, IncidentStatus stage, Instant at, String actor);

    /** Appends an entry to the incident's narrative log. */
    void log(long id, String text, String actor);

    /** Open incidents of a similar type within the configured distance and time of a new report. */
    List<IncidentView> possibleDuplicates(String typeCode, Double latitude, Double longitude, Instant at);
}
