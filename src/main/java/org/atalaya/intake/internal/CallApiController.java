package org.atalaya.intake.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.atalaya.platform.ServerSentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Calls over the API: the queue, its live stream, and the call-taker's actions. */
@RestController
@RequiresPermission(Permission.CALL_INTAKE)
class CallApiController {

    private static final Logger log = LoggerFactory.getLogger(CallApiController.class);

    private final CallViews views;
    private final CallDesk desk;
    private final CallStream stream;

    CallApiController(CallViews views, CallDesk desk, CallStream stream) {
        this.views = views;
        this.desk = desk;
        this.stream = stream;
    }

    /** Ringing calls (oldest first), answered calls going on, or the calls that ended lately (latest first). */
    @GetMapping("/api/v1/calls")
    List<CallView> list(@RequestParam(defaultValue = "ringing") String state) {
        return switch (state) {
            case "ringing" -> views.ringing();
            case "active" -> views.active();
            case "recent" -> views.recent();
            default -> throw IntakeProblem.badState(state);
        };
    }

    @GetMapping("/api/v1/calls/{id}")
    CallView one(@PathVariable long id) {
        return views.find(id).orElseThrow(() -> IntakeProblem.notFound(id));
    }

    /**
     * Server-sent events: a {@code call} event ({@link CallView}) for every call in the queue, then {@code ready};
     * then a {@code call} event whenever a call changes. The stream ends after a while; clients reconnect.
     */
    @GetMapping("/api/v1/calls/stream")
    void stream(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                HttpServletResponse response) {
        if (!ServerSentEvents.accepted(accept)) throw IntakeProblem.eventStreamOnly();
        try {
            stream.stream(user(), response);
        } catch (IOException gone) {
            log.debug("A call stream ended, its reader has gone: {}", gone.getMessage());
        }
    }

    /** A call that came by ordinary phone, answered now by the user. */
    @PostMapping("/api/v1/calls")
    ResponseEntity<CallView> manual(@RequestBody(required = false) ManualCallRequest request) {
        CallView call = desk.newManual(request == null ? new ManualCallRequest(null, null) : request, user());
        return ResponseEntity.created(URI.create("/api/v1/calls/" + call.id())).body(call);
    }

    @PostMapping("/api/v1/calls/{id}/answer")
    CallView answer(@PathVariable long id) {
        return desk.answer(id, user());
    }

    @PostMapping("/api/v1/calls/{id}/hang-up")
    CallView hangUp(@PathVariable long id) {
        return desk.hangUp(id, user());
    }

    /** Opens an incident from the call; 409 with {@code candidates} when open incidents like it exist nearby. */
    @PostMapping("/api/v1/calls/{id}/incident")
    ResponseEntity<IntakeResult> openIncident(@PathVariable long id, @RequestBody IntakeRequest request) {
        IntakeResult result = desk.openIncident(id, request, user());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + result.incidentId())).body(result);
    }

    @PostMapping("/api/v1/calls/{id}/attach/{incidentId}")
    IntakeResult attach(@PathVariable long id, @PathVariable long incidentId,
                        @RequestBody(required = false) AttachRequest request) {
        return desk.attach(id, incidentId, request == null ? AttachRequest.NOTHING : request, user());
    }

    private static SignedInUser user() {
        return CurrentUser.get().orElseThrow();
    }
}
