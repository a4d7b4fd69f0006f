package org.atalaya.live.internal;

import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.atalaya.camera.RegisteredCamera;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One camera live, full size, with the way on to its recordings and to the wall. */
@Controller
class LiveConsoleController {

    private final LiveAccess access;

    LiveConsoleController(LiveAccess access) {
        this.access = access;
    }

    @GetMapping("/cameras/{id}/live")
    @RequiresPermission(Permission.LIVE_VIEW)
    String camera(@PathVariable long id, Model model) {
        SignedInUser user = CurrentUser.get().orElseThrow();
        RegisteredCamera camera = access.camera(user, id);
        model.addAttribute("pageTitle", camera.name());
        model.addAttribute("camera", camera);
        model.addAttribute("canPlayBack", user.can(Permission.PLAYBACK_VIEW, camera.cameraGroup()));
        return "live/camera";
    }
}
