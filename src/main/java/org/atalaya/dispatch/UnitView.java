package org.atalaya.dispatch;

import java.util.List;
import java.util.Set;

/**
 * A unit as other modules see it.
 *
 * @param callSign   the name on the radio, e.g. {@code P-12}
 * @param agency     the agency's name
 * @param unitType   e.g. {@code patrol}, {@code ambulance}, {@code engine}
 * @param incidentId the incident it is assigned to, null when none
 */
public record UnitView(long id, String callSign, String agency, AgencyKind agencyKind, String unitType,
                       Set<String> capabilities, List<String> crew, UnitStatus status, Long incidentId) {

    public UnitView {
        capabilities = Set.copyOf(capabilities);
        crew = List.copyOf(crew);
    }
}
