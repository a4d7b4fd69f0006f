package org.atalaya.dispatch;

import java.util.List;
import java.util.Optional;

/** The units, for the responder's page and others. Every change is audited. */
public interface Units {

    List<UnitView> all();

    Optional<UnitView> find(long id);

    /** The unit a responder signed on to, if any. */
    Optional<UnitView> signedOnBy(String username);

    /** A responder signs on to a unit (signing off any other first). */
    UnitView signOn(String username, long unitId);

    void signOff(String username);

    /**
     * A unit's crew reports a new status; moves its assignment (and the incident) along. Throws an
     * {@link IllegalArgumentException} with a person-readable reason when the change makes no sense (en route with
     * no incident, for instance).
     */
    UnitView changeStatus(long unitId, UnitStatus status, String actor);
}
