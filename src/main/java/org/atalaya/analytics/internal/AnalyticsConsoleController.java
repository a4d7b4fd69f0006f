package org.atalaya.analytics.internal;

import java.util.List;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.GrayFrame;
import org.atalaya.camera.RegisteredCamera;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The console's analytics pages: the cameras whose analytics a supervisor may configure, and the zone editor for one
 * camera. The editor reads and saves the settings, and fetches the picture, through the API with the session.
 */
@Controller
class AnalyticsConsoleController {

    private final AnalyticsAccess access;
    private final CameraCatalog cameras;
    private final LatestFrames frames;
    private final MessageSource messages;

    AnalyticsConsoleController(AnalyticsAccess access, CameraCatalog cameras, LatestFrames frames,
                               MessageSource messages) {
        this.access = access;
        this.cameras = cameras;
        this.frames = frames;
        this.messages = messages;
    }

    @GetMapping("/analytics")
    @RequiresPermission(Permission.ALARM_CONFIGURE)
    String cameras(Model model) {
        SignedInUser user = CurrentUser.get().orElseThrow();
        List<RegisteredCamera> visible = cameras.all().stream()
                .filter(camera -> user.can(Permission.CAMERA_VIEW, camera.cameraGroup())
                        || user.can(Permission.ALARM_VIEW, camera.cameraGroup()))
                .toList();
        model.addAttribute("pageTitle", message("analytics.cameras.title"));
        model.addAttribute("cameras", visible);
        return "analytics/cameras";
    }

    @GetMapping("/cameras/{id}/analytics")
    @RequiresPermission(Permission.ALARM_CONFIGURE)
    String editor(@PathVariable long id, Model model) {
        RegisteredCamera camera = access.visible(id);
        SignedInUser user = CurrentUser.get().orElseThrow();
        boolean mayWatch = user.can(Permission.LIVE_VIEW, camera.cameraGroup());
        GrayFrame frame = frames.latest(id).orElse(null);
        model.addAttribute("pageTitle", message("analytics.editor.title", camera.name()));
        model.addAttribute("camera", camera);
        model.addAttribute("mayWatch", mayWatch);
        model.addAttribute("pictureWidth", frame == null ? 1600 : frame.width());
        model.addAttribute("pictureHeight", frame == null ? 900 : frame.height());
        model.addAttribute("limits", new Limits(JdbcAnalyticsSettingsStore.MOST_ZONES,
                JdbcAnalyticsSettingsStore.LONGEST_ZONE_NAME, JdbcAnalyticsSettingsStore.MOST_POINTS,
                JdbcAnalyticsSettingsStore.MOST_SCHEDULE_WINDOWS,
                JdbcAnalyticsSettingsStore.LONGEST_MIN_DURATION.toSeconds()));
        return "analytics/zones";
    }

    /** What the editor lets a person enter, the same limits the store checks. */
    record Limits(int zones, int nameLength, int points, int windows, long minDurationSeconds) {
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
