package org.atalaya.camera.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The camera registry over the API; each user sees and changes only the cameras of the groups granted to them. */
@RestController
class CameraApiController {

    private final CameraRegistry registry;
    private final JsonMapper json;

    CameraApiController(CameraRegistry registry, JsonMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @GetMapping("/api/v1/cameras")
    @RequiresPermission(Permission.CAMERA_VIEW)
    List<CameraView> list() {
        return registry.visible().stream().map(CameraView::of).toList();
    }

    @GetMapping("/api/v1/cameras/{id}")
    @RequiresPermission(Permission.CAMERA_VIEW)
    CameraView one(@PathVariable long id) {
        return CameraView.of(registry.visible(id));
    }

    @PostMapping("/api/v1/cameras")
    @RequiresPermission(Permission.CAMERA_MANAGE)
    ResponseEntity<CameraView> create(@RequestBody CameraChanges request) {
        Camera camera = registry.create(request);
        return ResponseEntity.created(URI.create("/api/v1/cameras/" + camera.id())).body(CameraView.of(camera));
    }

    @PatchMapping("/api/v1/cameras/{id}")
    @RequiresPermission(Permission.CAMERA_MANAGE)
    CameraView update(@PathVariable long id, @RequestBody JsonNode body) {
        if (body.has("analytics") && !body.get("analytics").isBoolean()) {
            throw CameraProblem.invalid("analytics", "analytics: must be true or false.");
        }
        Set<String> nulls = CameraChanges.CLEARABLE.stream().filter(field -> body.path(field).isNull())
                .collect(Collectors.toSet());
        return CameraView.of(registry.update(id, json.treeToValue(body, CameraChanges.class).clearing(nulls)));
    }

    @PostMapping("/api/v1/cameras/{id}/disable")
    @RequiresPermission(Permission.CAMERA_MANAGE)
    CameraView disable(@PathVariable long id) {
        return CameraView.of(registry.setEnabled(id, false));
    }

    @PostMapping("/api/v1/cameras/{id}/probe")
    @RequiresPermission(Permission.CAMERA_MANAGE)
    ProbeResult probe(@PathVariable long id) {
        return registry.probe(id);
    }

    @PostMapping("/api/v1/cameras/{id}/enable")
    @RequiresPermission(Permission.CAMERA_MANAGE)
    CameraView enable(@PathVariable long id) {
        return CameraView.of(registry.setEnabled(id, true));
    }
}
