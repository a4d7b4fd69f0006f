package org.atalaya.incident;

import java.util.Set;

/**
 * One entry of the centre's incident taxonomy.
 *
 * @param code            stable identifier, e.g. {@code FIRE_STRUCTURE}
 * @param name            the name in English
 * @param nameEs          the name in Spanish
 * @param defaultPriority 1 (most urgent) to 5, proposed when an incident of this type is opened
 * @param unitTypes       the unit types suited to respond (dispatch's codes, e.g. {@code patrol}, {@code ambulance},
 *                        {@code engine}); empty means any unit
 */
public record IncidentType(String code, String name, String nameEs, int defaultPriority, Set<String> unitTypes,
                           boolean active) {

    public IncidentType {
        unitTypes = Set.copyOf(unitTypes);
    }
}
