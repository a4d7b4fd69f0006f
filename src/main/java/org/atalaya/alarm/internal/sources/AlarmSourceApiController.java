package org.atalaya.alarm.internal.sources;

import java.net.URI;
import java.util.List;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Managing the panic buttons and sensors that raise alarms. */
@RestController
@RequiresPermission(Permission.ALARM_CONFIGURE)
class AlarmSourceApiController {

    private final AlarmSourceRegistry registry;
    private final MqttStatuses statuses;

    AlarmSourceApiController(AlarmSourceRegistry registry, MqttStatuses statuses) {
        this.registry = registry;
        this.statuses = statuses;
    }

    @GetMapping("/api/v1/alarm-sources")
    List<AlarmSourceView> list() {
        return registry.all().stream().map(source -> AlarmSourceView.of(source, statuses, null)).toList();
    }

    @GetMapping("/api/v1/alarm-sources/{id}")
    AlarmSourceView one(@PathVariable long id) {
        return AlarmSourceView.of(registry.find(id), statuses, null);
    }

    /** A webhook source's token is in this answer only. */
    @PostMapping("/api/v1/alarm-sources")
    ResponseEntity<AlarmSourceView> create(@RequestBody AlarmSourceChanges request) {
        AlarmSourceRegistry.WithToken created = registry.create(request);
        return ResponseEntity.created(URI.create("/api/v1/alarm-sources/" + created.source().id()))
                .body(AlarmSourceView.of(created.source(), statuses, created.token()));
    }

    @PutMapping("/api/v1/alarm-sources/{id}")
    AlarmSourceView update(@PathVariable long id, @RequestBody AlarmSourceChanges request) {
        return AlarmSourceView.of(registry.update(id, request), statuses, null);
    }

    @DeleteMapping("/api/v1/alarm-sources/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        registry.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** A new webhook token, in this answer only; the old one stops working at once. */
    @PostMapping("/api/v1/alarm-sources/{id}/token")
    AlarmSourceView rotateToken(@PathVariable long id) {
        AlarmSourceRegistry.WithToken rotated = registry.rotateToken(id);
        return AlarmSourceView.of(rotated.source(), statuses, rotated.token());
    }
}
