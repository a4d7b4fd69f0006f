package org.atalaya.alarm.internal;

import java.util.List;

import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The alarm queue over the API: listing and reading alarms, the operator's actions, and the alarm types. Reading an
 * alarm is not video access; its clips are served, and checked, by the clip module.
 */
@RestController
class AlarmApiController {

    static final int MAX_LIMIT = 500;

    record AlarmList(AlarmCounts counts, List<AlarmView> alarms) {
    }

    record AssignRequest(String assignee) {
    }

    record CloseRequest(String outcome, String note) {
    }

    record SopRequest(Boolean done) {
    }

    private final AlarmQueries queries;
    private final AlarmActions actions;
    private final AlarmTypes types;
    private final JsonMapper json;

    AlarmApiController(AlarmQueries queries, AlarmActions actions, AlarmTypes types, JsonMapper json) {
        this.queries = queries;
        this.actions = actions;
        this.types = types;
        this.json = json;
    }

    @GetMapping("/api/v1/alarms")
    @RequiresPermission(Permission.ALARM_VIEW)
    AlarmList list(@RequestParam(defaultValue = "open") String state, @RequestParam(defaultValue = "100") int limit) {
        SignedInUser user = user();
        int bounded = Math.clamp(limit, 1, MAX_LIMIT);
        List<AlarmView> alarms = switch (state) {
            case "open" -> queries.open(user, bounded);
            case "closed" -> queries.closedRecently(user, bounded);
            default -> throw AlarmProblem.badState(state);
        };
        return new AlarmList(queries.counts(user), alarms);
    }

    /** The alarm and its history ({@code history: [{at, action, by, detail}]}). */
    @GetMapping("/api/v1/alarms/{id}")
    @RequiresPermission(Permission.ALARM_VIEW)
    JsonNode one(@PathVariable long id) {
        ObjectNode alarm = (ObjectNode) json.valueToTree(actions.visible(id, user()));
        alarm.set("history", json.valueToTree(queries.history(id)));
        return alarm;
    }

    @PostMapping("/api/v1/alarms/{id}/acknowledge")
    @RequiresPermission(Permission.ALARM_HANDLE)
    AlarmView acknowledge(@PathVariable long id) {
        return actions.acknowledge(id, user());
    }

    @PostMapping("/api/v1/alarms/{id}/start")
    @RequiresPermission(Permission.ALARM_HANDLE)
    AlarmView start(@PathVariable long id) {
        return actions.start(id, user());
    }

    /** Assigns to the named user, or to the caller when the body or its assignee is missing. */
    @PostMapping("/api/v1/alarms/{id}/assign")
    @RequiresPermission(Permission.ALARM_HANDLE)
    AlarmView assign(@PathVariable long id, @RequestBody(required = false) AssignRequest request) {
        return actions.assign(id, user(), request == null ? null : request.assignee());
    }

    @PostMapping("/api/v1/alarms/{id}/close")
    @RequiresPermission(Permission.ALARM_HANDLE)
    AlarmView close(@PathVariable long id, @RequestBody(required = false) CloseRequest request) {
        CloseRequest given = request == null ? new CloseRequest(null, null) : request;
        return actions.close(id, user(), given.outcome(), given.note());
    }

    @PostMapping("/api/v1/alarms/{id}/sop/{index}")
    @RequiresPermission(Permission.ALARM_HANDLE)
    AlarmView sop(@PathVariable long id, @PathVariable int index, @RequestBody(required = false) SopRequest request) {
        boolean done = request == null || request.done() == null || request.done();
        return actions.sop(id, user(), index, done);
    }

    @PostMapping("/api/v1/alarms/{id}/incident")
    @RequiresPermission(Permission.ALARM_HANDLE)
    AlarmView incident(@PathVariable long id) {
        return actions.requestIncident(id, user());
    }

    @GetMapping("/api/v1/alarm-types")
    @RequiresPermission(Permission.ALARM_VIEW)
    List<AlarmType> alarmTypes() {
        return types.all();
    }

    @PutMapping("/api/v1/alarm-types/{code}")
    @RequiresPermission(Permission.ALARM_CONFIGURE)
    AlarmType changeType(@PathVariable String code, @RequestBody AlarmTypes.Change change) {
        return types.change(code, change, user().username());
    }

    private static SignedInUser user() {
        return CurrentUser.get().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
