package org.atalaya.incident.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.NewIncident;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Incidents over the API: listing, opening, reading one with its narrative (audited), notes, closing, cancelling,
 * the possible duplicates and merging, and the cameras that cover the place.
 */
@RestController
class IncidentApiController {

    /** Without {@code from}, "all" lists the incidents opened in the last day. */
    static final Duration DEFAULT_SPAN = Duration.ofDays(1);

    /** What a call-taker or a script reports; the priority may be left out for the type's default. */
    record OpenRequest(String typeCode, Integer priority, Double latitude, Double longitude, String address,
                       String summary, Instant callOfferedAt, Instant callAnsweredAt) {
    }

    record NoteRequest(String text) {
    }

    record CloseRequest(String outcome) {
    }

    record CancelRequest(String reason) {
    }

    private final IncidentService incidents;
    private final CamerasNear cameras;
    private final JsonMapper json;
    private final Clock clock;

    IncidentApiController(IncidentService incidents, CamerasNear cameras, JsonMapper json, Clock clock) {
        this.incidents = incidents;
        this.cameras = cameras;
        this.json = json;
        this.clock = clock;
    }

    /** {@code status=active} (the default): the open incidents; {@code all}: those opened in [from, to). */
    @GetMapping("/api/v1/incidents")
    @RequiresPermission(Permission.INCIDENT_VIEW)
    List<IncidentView> list(@RequestParam(defaultValue = "active") String status,
                            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return switch (status) {
            case "active" -> incidents.active();
            case "all" -> {
                Instant end = to == null || to.isBlank() ? clock.instant().plusMillis(1) : instant("to", to);
                Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_SPAN) : instant("from", from);
                if (!start.isBefore(end)) throw IncidentProblem.invalid("from must be before to.");
                yield incidents.listedBetween(start, end);
            }
            default -> throw IncidentProblem.badListStatus(status);
        };
    }

    @PostMapping("/api/v1/incidents")
    @RequiresPermission(Permission.INCIDENT_MANAGE)
    ResponseEntity<IncidentView> open(@RequestBody(required = false) OpenRequest request) {
        if (request == null) throw IncidentProblem.invalid("An incident needs at least a type.");
        IncidentView opened = refusedInWords(() -> incidents.open(new NewIncident(request.typeCode(),
                request.priority(), request.latitude(), request.longitude(), request.address(), request.summary(),
                request.callOfferedAt(), request.callAnsweredAt(), null), user().username()));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + opened.id())).body(opened);
    }

    /** The incident with its outcome, who opened it, and its narrative ({@code log}); the reading is audited. */
    @GetMapping("/api/v1/incidents/{id}")
    @RequiresPermission(Permission.INCIDENT_VIEW)
    ObjectNode one(@PathVariable long id) {
        IncidentRow row = incidents.viewed(id, user().username());
        ObjectNode incident = (ObjectNode) json.valueToTree(row.view());
        incident.put("createdBy", row.createdBy());
        incident.put("outcome", row.outcome());
        if (row.alarmId() == null) incident.putNull("alarmId");
        else incident.put("alarmId", row.alarmId());
        incident.set("log", json.valueToTree(incidents.narrative(id)));
        return incident;
    }

    @PostMapping("/api/v1/incidents/{id}/log")
    @RequiresPermission(Permission.INCIDENT_MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    List<LogEntry> note(@PathVariable long id, @RequestBody(required = false) NoteRequest request) {
        String text = request == null ? null : request.text();
        refusedInWords(() -> {
            incidents.log(id, text, user().username());
            return null;
        });
        return incidents.narrative(id);
    }

    @PostMapping("/api/v1/incidents/{id}/close")
    @RequiresPermission(Permission.INCIDENT_MANAGE)
    IncidentView close(@PathVariable long id, @RequestBody(required = false) CloseRequest request) {
        return incidents.close(id, request == null ? null : request.outcome(), user().username());
    }

    @PostMapping("/api/v1/incidents/{id}/cancel")
    @RequiresPermission(Permission.INCIDENT_MANAGE)
    IncidentView cancel(@PathVariable long id, @RequestBody(required = false) CancelRequest request) {
        return incidents.cancel(id, request == null ? null : request.reason(), user().username());
    }

    @GetMapping("/api/v1/incidents/{id}/duplicates")
    @RequiresPermission(Permission.INCIDENT_VIEW)
    List<IncidentView> duplicates(@PathVariable long id) {
        return incidents.duplicatesOf(id);
    }

    /** Merges this incident into the survivor; answers the survivor. */
    @PostMapping("/api/v1/incidents/{id}/merge-into/{survivorId}")
    @RequiresPermission(Permission.INCIDENT_MANAGE)
    IncidentView merge(@PathVariable long id, @PathVariable long survivorId) {
        return incidents.merge(id, survivorId, user().username());
    }

    @GetMapping("/api/v1/incidents/{id}/cameras")
    @RequiresPermission(Permission.INCIDENT_VIEW)
    List<NearCamera> cameras(@PathVariable long id, HttpServletRequest request) {
        IncidentView incident = incidents.find(id).orElseThrow(() -> IncidentProblem.notFound(id));
        return cameras.of(incident, user(), LocaleContextHolder.getLocale(), request.getContextPath());
    }

    /** Validation of the public API speaks in {@link IllegalArgumentException}s; here they become problems. */
    private static <T> T refusedInWords(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException refused) {
            throw IncidentProblem.invalid(refused.getMessage());
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw IncidentProblem.badInstant(name, value);
        }
    }

    private static SignedInUser user() {
        return CurrentUser.get().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
