package org.atalaya.dispatch.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The agencies and their units as configured: created and changed by an administrator, every change audited. */
@Component
class Fleet {

    /** The unit types dispatch knows, in the order the console offers them. */
    static final List<String> UNIT_TYPES = List.of("patrol", "motorcycle", "ambulance", "engine", "ladder", "rescue",
            "hazmat", "civil-defence");
    private static final Pattern CALL_SIGN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 .-]{0,19}");
    private static final int MAX_NAME = 100;
    private static final int MAX_ENTRIES = 20;
    private static final int MAX_ENTRY = 80;

    record Agency(long id, String name, AgencyKind kind) {
    }

    /**
     * A unit's configuration as given.
     *
     * @param active null keeps a unit listed
     */
    record UnitForm(String callSign, Long agencyId, String unitType, List<String> capabilities, List<String> crew,
                    Boolean active) {
    }

    private final JdbcClient jdbc;
    private final DispatchService dispatch;
    private final UnitDirectory directory;
    private final AuditLog audit;

    Fleet(JdbcClient jdbc, DispatchService dispatch, UnitDirectory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.dispatch = dispatch;
        this.directory = directory;
        this.audit = audit;
    }

    List<Agency> agencies() {
        return jdbc.sql("SELECT id, name, kind FROM agencies ORDER BY name")
                .query((row, n) -> new Agency(row.getLong("id"), row.getString("name"),
                        AgencyKind.valueOf(row.getString("kind"))))
                .list();
    }

    boolean hasAgencies() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM agencies)").query(Boolean.class).single();
    }

    Agency createAgency(String name, String kind, String actor) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw DispatchProblem.invalid("An agency needs a name of 1 to " + MAX_NAME + " characters.");
        }
        AgencyKind agencyKind = kind(kind);
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM agencies WHERE lower(name) = lower(?))").param(cleanName)
                .query(Boolean.class).single()) {
            throw DispatchProblem.conflict("There is already an agency called " + cleanName + ".");
        }
        long id = jdbc.sql("INSERT INTO agencies (name, kind) VALUES (?, ?) RETURNING id").param(cleanName)
                .param(agencyKind.name()).query(Long.class).single();
        audit.record(AuditEvent.success("agency.created", "agency:" + cleanName).by(actor)
                .with("kind", agencyKind.name()));
        return new Agency(id, cleanName, agencyKind);
    }

    UnitView createUnit(UnitForm form, String actor) {
        Valid valid = validate(form, null);
        long[] id = new long[1];
        dispatch.inTransaction(() -> {
            id[0] = jdbc.sql("""
                    INSERT INTO units (call_sign, agency_id, unit_type, capabilities, crew, active)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .param(valid.callSign).param(valid.agencyId).param(valid.unitType)
                    .param(valid.capabilities.toArray(String[]::new)).param(valid.crew.toArray(String[]::new))
                    .param(valid.active).query(Long.class).single();
            audit.record(details(AuditEvent.success("unit.created", "unit:" + valid.callSign).by(actor), valid));
            return List.of(id[0]);
        });
        return directory.find(id[0]).map(UnitRecord::view).orElseThrow();
    }

    UnitView changeUnit(long id, UnitForm form, String actor) {
        UnitRecord current = directory.find(id).orElseThrow(() -> DispatchProblem.noUnit(id));
        Valid valid = validate(form, id);
        dispatch.inTransaction(() -> {
            UnitStatus status = jdbc.sql("SELECT status FROM units WHERE id = ? FOR UPDATE").param(id)
                    .query(String.class).optional().map(UnitStatus::valueOf).orElseThrow(() -> DispatchProblem.noUnit(id));
            if (!valid.active && status != UnitStatus.AVAILABLE && status != UnitStatus.OUT_OF_SERVICE) {
                throw DispatchProblem.conflict(current.callSign() + " is " + DispatchService.words(status)
                        + "; clear it before taking it off the list.");
            }
            jdbc.sql("""
                    UPDATE units SET call_sign = ?, agency_id = ?, unit_type = ?, capabilities = ?, crew = ?,
                                     active = ?
                    WHERE id = ?""")
                    .param(valid.callSign).param(valid.agencyId).param(valid.unitType)
                    .param(valid.capabilities.toArray(String[]::new)).param(valid.crew.toArray(String[]::new))
                    .param(valid.active).param(id).update();
            audit.record(details(AuditEvent.success("unit.changed", "unit:" + valid.callSign).by(actor), valid));
            return List.of(id);
        });
        return directory.find(id).map(UnitRecord::view).orElseThrow();
    }

    private record Valid(String callSign, long agencyId, String unitType, List<String> capabilities,
                         List<String> crew, boolean active) {
    }

    private Valid validate(UnitForm form, Long unitId) {
        if (form == null) throw DispatchProblem.invalid("Send the unit's call sign, agency and type.");
        String callSign = form.callSign() == null ? "" : form.callSign().strip();
        if (!CALL_SIGN.matcher(callSign).matches()) {
            throw DispatchProblem.invalid("A call sign is 1 to 20 letters, digits, spaces, dots or dashes, "
                    + "beginning with a letter or digit, e.g. P-12.");
        }
        if (form.agencyId() == null || agencies().stream().noneMatch(agency -> agency.id() == form.agencyId())) {
            throw DispatchProblem.invalid(form.agencyId() == null ? "A unit belongs to an agency: name it."
                    : "There is no agency " + form.agencyId() + ".");
        }
        String type = form.unitType() == null ? "" : form.unitType().strip().toLowerCase(Locale.ROOT);
        if (!UNIT_TYPES.contains(type)) {
            throw DispatchProblem.invalid("The unit type is one of " + String.join(", ", UNIT_TYPES)
                    + (type.isEmpty() ? "." : " (not " + type + ")."));
        }
        Long sameName = jdbc.sql("SELECT id FROM units WHERE lower(call_sign) = lower(?)").param(callSign)
                .query(Long.class).optional().orElse(null);
        if (sameName != null && !sameName.equals(unitId)) {
            throw DispatchProblem.conflict("There is already a unit " + callSign + ".");
        }
        return new Valid(callSign, form.agencyId(), type, entries("capabilities", form.capabilities()),
                entries("crew names", form.crew()), form.active() == null || form.active());
    }

    private static List<String> entries(String what, List<String> given) {
        if (given == null) return List.of();
        var kept = new LinkedHashSet<String>();
        for (String entry : given) {
            String clean = entry == null ? "" : entry.strip();
            if (clean.isEmpty()) continue;
            if (clean.length() > MAX_ENTRY) {
                throw DispatchProblem.invalid("Each of the " + what + " may be at most " + MAX_ENTRY
                        + " characters long.");
            }
            kept.add(clean);
        }
        if (kept.size() > MAX_ENTRIES) throw DispatchProblem.invalid("A unit has at most " + MAX_ENTRIES + " " + what + ".");
        return new ArrayList<>(kept);
    }

    private static AgencyKind kind(String kind) {
        try {
            return AgencyKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw DispatchProblem.invalid("The kind of agency is POLICE, FIRE, EMS or CIVIL_DEFENCE"
                    + (kind == null || kind.isBlank() ? "." : " (not " + kind + ")."));
        }
    }

    private static AuditEvent details(AuditEvent event, Valid unit) {
        return event.with("type", unit.unitType).with("crew", String.join(", ", unit.crew))
                .with("capabilities", String.join(", ", unit.capabilities)).with("active", String.valueOf(unit.active));
    }
}
