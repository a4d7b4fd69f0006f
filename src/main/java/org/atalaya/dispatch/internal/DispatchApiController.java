package org.atalaya.dispatch.internal;

import java.util.List;
import java.util.Locale;
import jakarta.servlet.http.HttpServletResponse;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.internal.DispatchService.AssignmentRow;
import org.atalaya.dispatch.internal.Fleet.Agency;
import org.atalaya.dispatch.internal.Fleet.UnitForm;
import org.atalaya.dispatch.internal.UnitRecommender.Recommendation;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.tracking.TrackedDevices;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agencies, units, their devices and status; recommendations and assignments of units to incidents. */
@RestController
class DispatchApiController {

    record AgencyRequest(String name, String kind) {
    }

    record StatusRequest(String status) {
    }

    record AssignRequest(List<Long> unitIds) {
    }

    record DeviceRequest(String deviceId) {
    }

    record UnitDevices(long unitId, List<String> devices) {
    }

    private final Fleet fleet;
    private final DispatchService dispatch;
    private final UnitRecommender recommender;
    private final Incidents incidents;
    private final TrackedDevices devices;

    DispatchApiController(Fleet fleet, DispatchService dispatch, UnitRecommender recommender, Incidents incidents,
                          TrackedDevices devices) {
        this.fleet = fleet;
        this.dispatch = dispatch;
        this.recommender = recommender;
        this.incidents = incidents;
        this.devices = devices;
    }

    /** Read by dispatchers, and by the administrators who configure them. */
    @GetMapping("/api/v1/agencies")
    @RequiresPermission({Permission.DISPATCH_VIEW, Permission.SYSTEM_CONFIGURE})
    List<Agency> agencies() {
        return fleet.agencies();
    }

    @PostMapping("/api/v1/agencies")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    Agency createAgency(@RequestBody(required = false) AgencyRequest request) {
        if (request == null) throw DispatchProblem.invalid("Send the agency's name and kind.");
        return fleet.createAgency(request.name(), request.kind(), user().username());
    }

    /** The units in service, by call sign. */
    @GetMapping("/api/v1/units")
    @RequiresPermission({Permission.DISPATCH_VIEW, Permission.SYSTEM_CONFIGURE})
    List<UnitView> units() {
        return dispatch.all();
    }

    @GetMapping("/api/v1/units/{id}")
    @RequiresPermission({Permission.DISPATCH_VIEW, Permission.SYSTEM_CONFIGURE})
    UnitView unit(@PathVariable long id) {
        return dispatch.find(id).orElseThrow(() -> DispatchProblem.noUnit(id));
    }

    @PostMapping("/api/v1/units")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    UnitView createUnit(@RequestBody(required = false) UnitForm form) {
        return fleet.createUnit(form, user().username());
    }

    @PutMapping("/api/v1/units/{id}")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    UnitView changeUnit(@PathVariable long id, @RequestBody(required = false) UnitForm form) {
        return fleet.changeUnit(id, form, user().username());
    }

    /** A unit's new status, from its crew (UNIT_REPORT, signed on to that unit) or a dispatcher (any unit). */
    @PostMapping("/api/v1/units/{id}/status")
    @RequiresPermission({Permission.UNIT_REPORT, Permission.DISPATCH_ASSIGN})
    UnitView changeStatus(@PathVariable long id, @RequestBody(required = false) StatusRequest request) {
        SignedInUser user = user();
        UnitView unit = dispatch.find(id).orElseThrow(() -> DispatchProblem.noUnit(id));
        boolean crew = user.can(Permission.UNIT_REPORT)
                && dispatch.signedOnBy(user.username()).map(mine -> mine.id() == id).orElse(false);
        if (!crew && !user.can(Permission.DISPATCH_ASSIGN)) {
            throw DispatchProblem.forbidden("Only the crew signed on to " + unit.callSign()
                    + " or a dispatcher may change its status.");
        }
        UnitStatus status = status(request == null ? null : request.status());
        try {
            return dispatch.changeStatus(id, status, user.username());
        } catch (IllegalArgumentException refused) {
            throw DispatchProblem.conflict(refused.getMessage());
        }
    }

    @GetMapping("/api/v1/units/{id}/devices")
    @RequiresPermission({Permission.DISPATCH_VIEW, Permission.SYSTEM_CONFIGURE})
    UnitDevices devices(@PathVariable long id) {
        dispatch.find(id).orElseThrow(() -> DispatchProblem.noUnit(id));
        return new UnitDevices(id, devices.devicesOf(id));
    }

    @PostMapping("/api/v1/units/{id}/devices")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    UnitDevices registerDevice(@PathVariable long id, @RequestBody(required = false) DeviceRequest request) {
        dispatch.find(id).orElseThrow(() -> DispatchProblem.noUnit(id));
        String deviceId = request == null || request.deviceId() == null ? "" : request.deviceId().strip();
        if (deviceId.isEmpty()) throw DispatchProblem.invalid("Send the device identifier (deviceId).");
        try {
            devices.register(deviceId, id, user().username());
        } catch (IllegalArgumentException refused) {
            throw DispatchProblem.invalid(refused.getMessage());
        }
        return new UnitDevices(id, devices.devicesOf(id));
    }

    @DeleteMapping("/api/v1/units/{id}/devices/{deviceId}")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    UnitDevices unregisterDevice(@PathVariable long id, @PathVariable String deviceId) {
        dispatch.find(id).orElseThrow(() -> DispatchProblem.noUnit(id));
        if (!devices.devicesOf(id).contains(deviceId) || !devices.unregister(deviceId, user().username())) {
            throw DispatchProblem.notFound("Device " + deviceId + " is not registered to this unit.");
        }
        return new UnitDevices(id, devices.devicesOf(id));
    }

    @GetMapping("/api/v1/incidents/{id}/recommendations")
    @RequiresPermission(Permission.DISPATCH_VIEW)
    List<Recommendation> recommendations(@PathVariable long id, HttpServletResponse response) {
        IncidentView incident = incident(id);
        long started = System.nanoTime();
        List<Recommendation> ranked = recommender.recommend(incident);
        // the ranking alone, for whoever measures it (bench/dispatch): the round trip also counts the web stack
        response.setHeader("Server-Timing", String.format(Locale.ROOT, "rank;dur=%.3f",
                (System.nanoTime() - started) / 1e6));
        return ranked;
    }

    @GetMapping("/api/v1/incidents/{id}/assignments")
    @RequiresPermission(Permission.DISPATCH_VIEW)
    List<AssignmentRow> assignments(@PathVariable long id) {
        incident(id);
        return dispatch.assignmentsOf(id);
    }

    @PostMapping("/api/v1/incidents/{id}/assignments")
    @RequiresPermission(Permission.DISPATCH_ASSIGN)
    @ResponseStatus(HttpStatus.CREATED)
    List<UnitView> assign(@PathVariable long id, @RequestBody(required = false) AssignRequest request) {
        return dispatch.assign(id, request == null ? null : request.unitIds(), user().username());
    }

    @DeleteMapping("/api/v1/incidents/{id}/assignments/{unitId}")
    @RequiresPermission(Permission.DISPATCH_ASSIGN)
    UnitView release(@PathVariable long id, @PathVariable long unitId) {
        return dispatch.release(id, unitId, user().username());
    }

    private IncidentView incident(long id) {
        return incidents.find(id).orElseThrow(() -> DispatchProblem.noIncident(id));
    }

    static UnitStatus status(String given) {
        try {
            return UnitStatus.valueOf(given == null ? "" : given.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw DispatchProblem.invalid("The status is one of AVAILABLE, EN_ROUTE, ON_SCENE or OUT_OF_SERVICE"
                    + (given == null || given.isBlank() ? "." : " (not " + given + ")."));
        }
    }

    /**
     * Agencies, units and devices are read by dispatchers (DISPATCH_VIEW) and by the administrators who configure
     * them (SYSTEM_CONFIGURE, who see no incidents). An endpoint declares one permission, so those reading them ask
     * for a signed-in user and check here.
     */

    static SignedInUser user() {
        return CurrentUser.get().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
