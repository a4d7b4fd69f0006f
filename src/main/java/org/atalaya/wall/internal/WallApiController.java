package org.atalaya.wall.internal;

import java.net.URI;
import java.util.List;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wall's named layouts over the API (and for the console's wall page, which calls it with the session): a user
 * lists and opens their own and those others share, and creates, changes and deletes their own.
 */
@RestController
@RequiresPermission(Permission.LIVE_VIEW)
class WallApiController {

    private final WallLayouts layouts;

    WallApiController(WallLayouts layouts) {
        this.layouts = layouts;
    }

    @GetMapping("/api/v1/wall/layouts")
    List<LayoutViews.Summary> list() {
        return layouts.openable(user());
    }

    @GetMapping("/api/v1/wall/layouts/{id}")
    LayoutViews.Layout open(@PathVariable long id) {
        return layouts.open(id, user());
    }

    @PostMapping("/api/v1/wall/layouts")
    ResponseEntity<LayoutViews.Layout> create(@RequestBody LayoutRequest request) {
        LayoutViews.Layout created = layouts.create(request, user());
        return ResponseEntity.created(URI.create("/api/v1/wall/layouts/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/wall/layouts/{id}")
    LayoutViews.Layout update(@PathVariable long id, @RequestBody LayoutRequest request) {
        return layouts.update(id, request, user());
    }

    @DeleteMapping("/api/v1/wall/layouts/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        layouts.delete(id, user());
        return ResponseEntity.noContent().build();
    }

    private static SignedInUser user() {
        return CurrentUser.get().orElseThrow();
    }
}
