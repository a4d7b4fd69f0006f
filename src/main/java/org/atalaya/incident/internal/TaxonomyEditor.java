package org.atalaya.incident.internal;

import java.util.Set;
import java.util.TreeSet;

import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.incident.IncidentType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding and changing incident types, checked and audited. */
@Service
class TaxonomyEditor {

    /** The unit types dispatch knows. */
    static final Set<String> UNIT_TYPES = Set.of("patrol", "motorcycle", "ambulance", "engine", "ladder", "rescue",
            "hazmat", "civil-defence");
    static final int MAX_NAME = 100;

    /** What a type is given: every field but the code, which is in the address. */
    record TypeRequest(String name, String nameEs, Integer defaultPriority, Set<String> unitTypes, Boolean active) {
    }

    private final IncidentTypeStore types;
    private final AuditLog audit;

    TaxonomyEditor(IncidentTypeStore types, AuditLog audit) {
        this.types = types;
        this.audit = audit;
    }

    @Transactional
    IncidentType create(String code, TypeRequest request, String actor) {
        IncidentType type = valid(code, request);
        if (!types.insert(type)) throw IncidentProblem.typeExists(code);
        audit.record(AuditEvent.success("incident.type.created", "incident-type:" + code).by(actor));
        return type;
    }

    @Transactional
    IncidentType change(String code, TypeRequest request, String actor) {
        IncidentType type = valid(code, request);
        if (!types.update(type)) throw IncidentProblem.noType(code);
        audit.record(AuditEvent.success("incident.type.changed", "incident-type:" + code).by(actor)
                .with("priority", String.valueOf(type.defaultPriority())).with("active", String.valueOf(type.active())));
        return type;
    }

    private static IncidentType valid(String code, TypeRequest request) {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw IncidentProblem.invalid("A type code is 2 to 40 capital letters, digits and underscores, beginning"
                    + " with a letter, e.g. FIRE_STRUCTURE.");
        }
        if (request == null) throw IncidentProblem.invalid("The type needs a name, a Spanish name and a priority.");
        String name = name(request.name(), "name");
        String nameEs = name(request.nameEs(), "Spanish name");
        Integer priority = request.defaultPriority();
        if (priority == null || priority < 1 || priority > 5) {
            throw IncidentProblem.invalid("The default priority goes from 1 (most urgent) to 5.");
        }
        Set<String> units = new TreeSet<>();
        for (String unit : request.unitTypes() == null ? Set.<String>of() : request.unitTypes()) {
            String given = unit == null ? "" : unit.strip();
            if (given.isEmpty()) continue;
            if (!UNIT_TYPES.contains(given)) {
                throw IncidentProblem.invalid("There is no unit type " + given + "; the unit types are "
                        + String.join(", ", new TreeSet<>(UNIT_TYPES)) + ".");
            }
            units.add(given);
        }
        return new IncidentType(code, name, nameEs, priority, units, request.active() == null || request.active());
    }

    private static String name(String given, String what) {
        if (given == null || given.isBlank() || given.strip().length() > MAX_NAME) {
            throw IncidentProblem.invalid("The type needs a " + what + " of at most " + MAX_NAME + " characters.");
        }
        return given.strip();
    }
}
