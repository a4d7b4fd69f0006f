package org.atalaya.dispatch.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.atalaya.incident.IncidentStatus;
import org.atalaya.incident.IncidentType;
import org.atalaya.incident.IncidentTypes;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.tracking.UnitPosition;
import org.atalaya.tracking.UnitPositions;
import org.springframework.stereotype.Component;

/** What the dispatcher's board shows: the active incidents with their units, and every unit in service. */
@Component
class BoardQueries {

    /** An active incident on the board. */
    record BoardIncident(long id, String number, String typeCode, String typeName, int priority,
                         IncidentStatus status, Double lat, Double lon, String address, String summary,
                         Instant createdAt, List<String> units) {
    }

    /** A unit on the board. */
    record BoardUnit(long id, String callSign, String agency, AgencyKind agencyKind, String unitType,
                     UnitStatus status, Instant statusSince, Long incidentId, List<String> crew, Double lat,
                     Double lon, Instant positionAt) {
    }

    record Board(List<BoardIncident> incidents, List<BoardUnit> units) {
    }

    private final Incidents incidents;
    private final IncidentTypes types;
    private final UnitDirectory directory;
    private final UnitPositions positions;

    BoardQueries(Incidents incidents, IncidentTypes types, UnitDirectory directory, UnitPositions positions) {
        this.incidents = incidents;
        this.types = types;
        this.directory = directory;
        this.positions = positions;
    }

    Board board(Locale locale) {
        List<BoardUnit> units = directory.all().stream().filter(UnitRecord::active).map(this::unit).toList();
        Map<Long, List<String>> callSignsByIncident = new HashMap<>();
        for (BoardUnit unit : units) {
            if (unit.incidentId() != null) {
                callSignsByIncident.computeIfAbsent(unit.incidentId(), id -> new ArrayList<>()).add(unit.callSign());
            }
        }
        List<BoardIncident> active = incidents.active().stream()
                .map(incident -> incident(incident, locale,
                        callSignsByIncident.getOrDefault(incident.id(), List.of())))
                .toList();
        return new Board(active, units);
    }

    BoardUnit unit(UnitView view) {
        return directory.find(view.id()).map(this::unit).orElseGet(() -> unit(new UnitRecord(view, 0, null, true)));
    }

    String typeName(String code, Locale locale) {
        return types.find(code).map(type -> name(type, locale)).orElse(code);
    }

    private BoardIncident incident(IncidentView incident, Locale locale, List<String> units) {
        return new BoardIncident(incident.id(), incident.number(), incident.typeCode(),
                typeName(incident.typeCode(), locale), incident.priority(), incident.status(), incident.latitude(),
                incident.longitude(), incident.address(), incident.summary(), incident.createdAt(), units);
    }

    private BoardUnit unit(UnitRecord unit) {
        UnitPosition position = positions.latest(unit.id()).orElse(null);
        UnitView view = unit.view();
        return new BoardUnit(view.id(), view.callSign(), view.agency(), view.agencyKind(), view.unitType(),
                view.status(), unit.statusSince(), view.incidentId(), view.crew(),
                position == null ? null : position.latitude(), position == null ? null : position.longitude(),
                position == null ? null : position.at());
    }

    private static String name(IncidentType type, Locale locale) {
        return "es".equals(locale.getLanguage()) ? type.nameEs() : type.name();
    }
}
