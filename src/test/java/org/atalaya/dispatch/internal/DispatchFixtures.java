package org.atalaya.dispatch.internal;

import java.time.Instant;
import java.util.List;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.internal.Fleet.UnitForm;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.incident.NewIncident;
import org.atalaya.test.TestAccounts;
import org.atalaya.tracking.UnitPosition;
import org.atalaya.tracking.UnitPositions;

/** Agencies, units, positions and incidents for dispatch tests, each with a name no other test uses. */
record DispatchFixtures(Fleet fleet, Incidents incidents, UnitPositions positions) {

    static final String ACTOR = "dispatch-tests";

    long agency(AgencyKind kind) {
        return fleet.createAgency(TestAccounts.unique("Agency"), kind.name(), ACTOR).id();
    }

    UnitView unit(long agencyId, String unitType) {
        return fleet.createUnit(new UnitForm(TestAccounts.unique("U"), agencyId, unitType, List.of(),
                List.of("Crew One"), true), ACTOR);
    }

    /** Reports the unit at the point, the fix taken at the instant. */
    void place(UnitView unit, double latitude, double longitude, Instant at) {
        positions.report(new UnitPosition(unit.id(), latitude, longitude, at, null, null, null));
    }

    IncidentView incident(String typeCode, double latitude, double longitude) {
        return incidents.open(new NewIncident(typeCode, null, latitude, longitude, "Test street 123",
                "dispatch test", null, null, null), ACTOR);
    }

    /** A point of its own for a test, far from the other tests' points, so their units rank after its own. */
    static double[] somewhere() {
        return new double[]{-60 + Math.random() * 100, -170 + Math.random() * 340};
    }

    /** The point the given metres north of another. */
    static double[] north(double[] from, double metres) {
        return new double[]{from[0] + metres / 111_195.0, from[1]};
    }
}
