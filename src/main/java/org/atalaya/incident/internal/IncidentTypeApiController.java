package org.atalaya.incident.internal;

import java.net.URI;
import java.util.List;

import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.atalaya.incident.IncidentType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The incident taxonomy over the API: anyone who sees incidents reads it, the administrator changes it. */
@RestController
class IncidentTypeApiController {

    private final IncidentTypeStore types;
    private final TaxonomyEditor editor;

    IncidentTypeApiController(IncidentTypeStore types, TaxonomyEditor editor) {
        this.types = types;
        this.editor = editor;
    }

    @GetMapping("/api/v1/incident-types")
    @RequiresPermission(Permission.INCIDENT_VIEW)
    List<IncidentType> all() {
        return types.all();
    }

    @PostMapping("/api/v1/incident-types/{code}")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    ResponseEntity<IncidentType> create(@PathVariable String code,
                                        @RequestBody(required = false) TaxonomyEditor.TypeRequest request) {
        IncidentType created = editor.create(code, request, user().username());
        return ResponseEntity.created(URI.create("/api/v1/incident-types/" + code)).body(created);
    }

    @PutMapping("/api/v1/incident-types/{code}")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    IncidentType change(@PathVariable String code, @RequestBody(required = false) TaxonomyEditor.TypeRequest request) {
        return editor.change(code, request, user().username());
    }

    private static SignedInUser user() {
        return CurrentUser.get().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
