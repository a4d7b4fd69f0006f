package org.atalaya.responder.internal;

import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.Units;
import org.atalaya.incident.Incidents;
import org.springframework.stereotype.Component;

/** Finds a responder's situation: the unit they are signed on to and its incident. */
@Component
class Situations {

    private final Units units;
    private final Incidents incidents;

    Situations(Units units, Incidents incidents) {
        this.units = units;
        this.incidents = incidents;
    }

    Situation of(String username) {
        UnitView unit = units.signedOnBy(username).orElse(null);
        if (unit == null) return Situation.NOT_SIGNED_ON;
        if (unit.incidentId() == null) return new Situation(unit, null);
        return new Situation(unit, incidents.find(unit.incidentId()).orElse(null));
    }
}
