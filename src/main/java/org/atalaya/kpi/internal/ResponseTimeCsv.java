package org.atalaya.kpi.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.atalaya.dispatch.AssignmentTimes;
import org.atalaya.incident.IncidentView;
import org.atalaya.intake.CallChannel;
import org.atalaya.intake.CallTimes;

/**
 * A report's cases as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, a quote
 * or a line break), one row per call, incident or assignment: time stamps as ISO-8601 UTC instants, durations in
 * seconds (to the millisecond), empty where a stage was not reached. Rows carry no personal data: no caller number or
 * name, only the incident's number and type. A field that a spreadsheet would take for a formula is prefixed with an
 * apostrophe.
 */
final class ResponseTimeCsv {

    /** What one row stands for. */
    enum RowKind {
        CALL, INCIDENT, ASSIGNMENT;

        static RowKind named(String value) {
            if (value == null || value.isBlank()) return INCIDENT;
            return Arrays.stream(values()).filter(kind -> kind.name().equalsIgnoreCase(value.strip())).findFirst()
                    .orElseThrow(() -> KpiProblem.unknownRowKind(value.strip()));
        }

        String fileName() {
            return "response-times-" + name().toLowerCase() + "s.csv";
        }
    }

    private ResponseTimeCsv() {
    }

    static void write(Writer out, RowKind kind, ReportPeriod period, ResponseTimeData data, Targets targets)
            throws IOException {
        Map<Long, IncidentView> incidents = data.incidentsById();
        List<IncidentView> measured = data.incidents().stream()
                .filter(incident -> incident.mergedInto() == null && period.contains(incident.createdAt()))
                .sorted(Comparator.comparing(IncidentView::createdAt)).toList();
        switch (kind) {
            case CALL -> {
                line(out, "call_id", "channel", "incident_number", "incident_type", "offered_at", "answered_at",
                        "ended_at", "answer_seconds", "outcome");
                for (CallTimes call : data.calls()) {
                    IncidentView incident = call.incidentId() == null ? null : incidents.get(call.incidentId());
                    line(out, Long.toString(call.callId()), call.channel().name().toLowerCase(),
                            incident == null ? "" : incident.number(), incident == null ? "" : incident.typeCode(),
                            instant(call.offeredAt()), instant(call.answeredAt()), instant(call.endedAt()),
                            call.channel() == CallChannel.SIP ? seconds(call.offeredAt(), call.answeredAt()) : "",
                            outcome(call));
                }
            }
            case INCIDENT -> {
                Map<Long, List<AssignmentTimes>> units = byIncident(data.assignments());
                line(out, "incident_number", "incident_type", "priority", "status", "call_offered_at",
                        "call_answered_at", "created_at", "first_dispatched_at", "first_on_scene_at",
                        "call_processing_seconds", "first_on_scene_seconds");
                for (IncidentView incident : measured) {
                    List<AssignmentTimes> own = units.getOrDefault(incident.id(), List.of());
                    Instant dispatched = earliest(own.stream().map(AssignmentTimes::dispatchedAt).toList());
                    Instant onScene = earliest(own.stream().map(AssignmentTimes::onSceneAt).toList());
                    line(out, incident.number(), incident.typeCode(), Integer.toString(incident.priority()),
                            incident.status().name().toLowerCase(), instant(incident.callOfferedAt()),
                            instant(incident.callAnsweredAt()), instant(incident.createdAt()), instant(dispatched),
                            instant(onScene), seconds(incident.callAnsweredAt(), dispatched),
                            seconds(incident.callAnsweredAt(), onScene));
                }
            }
            case ASSIGNMENT -> {
                Map<Long, List<AssignmentTimes>> units = byIncident(data.assignments());
                line(out, "incident_number", "incident_type", "unit_id", "unit_type", "agency", "agency_kind",
                        "dispatched_at", "en_route_at", "on_scene_at", "cleared_at", "turnout_seconds",
                        "turnout_target_seconds", "travel_seconds");
                for (IncidentView incident : measured) {
                    for (AssignmentTimes unit : units.getOrDefault(incident.id(), List.of())) {
                        line(out, incident.number(), incident.typeCode(), Long.toString(unit.unitId()),
                                unit.unitType(), unit.agency(),
                                unit.agencyKind() == null ? "" : unit.agencyKind().name().toLowerCase(),
                                instant(unit.dispatchedAt()), instant(unit.enRouteAt()), instant(unit.onSceneAt()),
                                instant(unit.clearedAt()), seconds(unit.dispatchedAt(), unit.enRouteAt()),
                                Long.toString(targets.turnout(unit.agencyKind()).toSeconds()),
                                seconds(unit.enRouteAt(), unit.onSceneAt()));
                    }
                }
            }
        }
        out.flush();
    }

    private static String outcome(CallTimes call) {
        if (call.channel() == CallChannel.MANUAL) return "typed-in";
        if (call.answeredAt() != null) return "answered";
        return call.endedAt() != null ? "abandoned" : "ringing";
    }

    private static Map<Long, List<AssignmentTimes>> byIncident(List<AssignmentTimes> assignments) {
        return assignments.stream().collect(Collectors.groupingBy(AssignmentTimes::incidentId));
    }

    private static Instant earliest(List<Instant> instants) {
        return instants.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    private static String instant(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** Seconds from one instant to the other, empty when either is missing or they are out of order. */
    static String seconds(Instant from, Instant to) {
        if (from == null || to == null) return "";
        Duration duration = Duration.between(from, to);
        if (duration.isNegative()) return "";
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    static void line(Writer out, String... fields) throws IOException {
        List<String> quoted = new ArrayList<>(fields.length);
        for (String field : fields) {
            quoted.add(field(field == null ? "" : field));
        }
        out.write(String.join(",", quoted));
        out.write("\r\n");
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean needsQuotes = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return needsQuotes ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
