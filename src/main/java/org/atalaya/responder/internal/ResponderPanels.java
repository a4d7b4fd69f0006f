package org.atalaya.responder.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.Units;
import org.atalaya.incident.IncidentType;
import org.atalaya.incident.IncidentTypes;
import org.atalaya.incident.IncidentView;
import org.atalaya.responder.internal.ResponderPanel.AgencyUnits;
import org.atalaya.responder.internal.ResponderPanel.IncidentCard;
import org.atalaya.responder.internal.ResponderPanel.UnitCard;
import org.atalaya.tracking.TrackedDevices;
import org.atalaya.tracking.UnitPositions;
import org.springframework.stereotype.Component;

/** Makes the responder's panel from their situation, in the reader's language. */
@Component
class ResponderPanels {

    private final Situations situations;
    private final Units units;
    private final IncidentTypes types;
    private final UnitPositions positions;
    private final TrackedDevices devices;

    ResponderPanels(Situations situations, Units units, IncidentTypes types, UnitPositions positions,
                    TrackedDevices devices) {
        this.situations = situations;
        this.units = units;
        this.types = types;
        this.positions = positions;
        this.devices = devices;
    }

    ResponderPanel of(String username, Locale locale) {
        Situation situation = situations.of(username);
        if (!situation.signedOn()) return new ResponderPanel(null, choices(), situation.version());
        UnitView unit = situation.unit();
        IncidentCard incident = situation.incident() == null ? null : incidentCard(situation.incident(), locale);
        var card = new UnitCard(unit, incident, StatusAction.from(unit.status()),
                positions.latest(unit.id()).orElse(null), devices.devicesOf(unit.id()).size());
        return new ResponderPanel(card, List.of(), situation.version());
    }

    private List<AgencyUnits> choices() {
        Map<String, List<UnitView>> byAgency = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        units.all().stream()
                .sorted(Comparator.comparing(UnitView::callSign, String.CASE_INSENSITIVE_ORDER))
                .forEach(unit -> byAgency.computeIfAbsent(unit.agency(), agency -> new ArrayList<>())
                        .add(unit));
        return byAgency.entrySet().stream().map(entry -> new AgencyUnits(entry.getKey(), entry.getValue())).toList();
    }

    private IncidentCard incidentCard(IncidentView incident, Locale locale) {
        String typeName = types.find(incident.typeCode())
                .map(type -> name(type, locale))
                .orElse(incident.typeCode());
        return new IncidentCard(incident, typeName, incident.hasPoint()
                ? navigateUri(incident.latitude(), incident.longitude()) : null);
    }

    private static String name(IncidentType type, Locale locale) {
        return "es".equals(locale.getLanguage()) && type.nameEs() != null && !type.nameEs().isBlank()
                ? type.nameEs() : type.name();
    }

    /** A geo URI (RFC 5870) with the point repeated as a query, which Android's map applications mark with a pin. */
    static String navigateUri(double latitude, double longitude) {
        String point = String.format(Locale.ROOT, "%.6f,%.6f", latitude, longitude);
        return "geo:" + point + "?q=" + point;
    }
}
