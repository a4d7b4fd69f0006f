package org.atalaya.responder.internal;

import java.util.List;
import org.atalaya.dispatch.UnitView;
import org.atalaya.incident.IncidentView;
import org.atalaya.tracking.UnitPosition;

/**
 * The changing part of the responder's page: either the unit the responder is signed on to, or the units to choose
 * from.
 *
 * @param unit    the signed-on unit, null when the responder is not signed on
 * @param choices the units to sign on to, by agency; empty when signed on
 * @param version changes whenever what the panel shows of the unit and its incident does
 */
record ResponderPanel(UnitCard unit, List<AgencyUnits> choices, String version) {

    /**
     * @param incident the unit's incident, null when it has none
     * @param position the unit's latest position, null when none is known
     * @param devices  how many tracking devices report for the unit
     */
    record UnitCard(UnitView view, IncidentCard incident, List<StatusAction> actions, UnitPosition position,
                    int devices) {
    }

    /**
     * @param typeName    the incident type in the reader's language
     * @param navigateUri a {@code geo:} address that opens the phone's map application at the incident, null when the
     *                    incident has no point
     */
    record IncidentCard(IncidentView view, String typeName, String navigateUri) {
    }

    record AgencyUnits(String agency, List<UnitView> units) {
    }
}
