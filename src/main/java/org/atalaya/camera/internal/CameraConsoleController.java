package org.atalaya.camera.internal;

import java.util.Map;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.identity.CameraGroups;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's camera pages: the list, the form to add or change a camera, and the probe button. */
@Controller
class CameraConsoleController {

    /**
     * @param whyNot      why the camera does not record, as a message key suffix; {@code null} when it records
     * @param canPlayBack whether the user may watch the camera's recordings
     */
    record Row(CameraView camera, String whyNot, boolean canPlayBack) {
    }

    /** The badge style of each status as {@link CameraView#status()} spells it. */
    private static final Map<String, String> STATUS_BADGES = Map.of("online", "ok", "offline", "warn",
            "error", "danger", "idle", "");

    private final CameraRegistry registry;
    private final CameraGroups groups;
    private final MessageSource messages;

    CameraConsoleController(CameraRegistry registry, CameraGroups groups, MessageSource messages) {
        this.registry = registry;
        this.groups = groups;
        this.messages = messages;
    }

    @GetMapping("/cameras")
    @RequiresPermission(Permission.CAMERA_VIEW)
    String list(Model model) {
        model.addAttribute("pageTitle", message("cameras.title"));
        var user = CurrentUser.get();
        model.addAttribute("cameras", registry.visible().stream()
                .map(camera -> new Row(CameraView.of(camera), camera.notRecordableReason(),
                        user.map(it -> it.can(Permission.PLAYBACK_VIEW, camera.cameraGroup())).orElse(false)))
                .toList());
        model.addAttribute("canManage", user.map(it -> it.can(Permission.CAMERA_MANAGE)).orElse(false));
        model.addAttribute("statusBadges", STATUS_BADGES);
        return "camera/list";
    }

    @GetMapping("/cameras/new")
    @RequiresPermission(Permission.CAMERA_MANAGE)
    String newCamera(Model model) {
        return form(model, null, Map.of("retentionDays", "30", "recordingMode", "continuous"), null);
    }

    @PostMapping("/cameras")
    @RequiresPermission(Permission.CAMERA_MANAGE)
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Camera camera = registry.create(CameraForm.changes(form));
            redirect.addFlashAttribute("flash", message("cameras.created", camera.name()));
            return "redirect:/cameras";
        } catch (CameraProblem problem) {
            if (problem.getStatusCode().value() != 400) throw problem;
            return form(model, null, form, inWords(problem));
        }
    }

    @GetMapping("/cameras/{id}")
    @RequiresPermission(Permission.CAMERA_MANAGE)
    String edit(@PathVariable long id, Model model) {
        Camera camera = registry.manageable(id);
        return form(model, camera, CameraForm.values(camera), null);
    }

    @PostMapping("/cameras/{id}")
    @RequiresPermission(Permission.CAMERA_MANAGE)
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        try {
            Camera camera = registry.update(id, CameraForm.changes(form));
            redirect.addFlashAttribute("flash", message("cameras.saved", camera.name()));
            return "redirect:/cameras";
        } catch (CameraProblem problem) {
            if (problem.getStatusCode().value() != 400) throw problem;
            return form(model, registry.manageable(id), form, inWords(problem));
        }
    }

    @PostMapping("/cameras/{id}/enabled")
    @RequiresPermission(Permission.CAMERA_MANAGE)
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        Camera camera = registry.setEnabled(id, enabled);
        redirect.addFlashAttribute("flash", message(enabled ? "cameras.enabled" : "cameras.disabled", camera.name()));
        return "redirect:/cameras";
    }

    /** The probe's answer as a fragment that htmx puts under the button. */
    @PostMapping("/cameras/{id}/probe")
    @RequiresPermission(Permission.CAMERA_MANAGE)
    String probe(@PathVariable long id, Model model) {
        model.addAttribute("probe", registry.probe(id));
        return "camera/probe :: result";
    }

    private String form(Model model, Camera camera, Map<String, String> values, String error) {
        model.addAttribute("pageTitle", camera == null ? message("cameras.new") : camera.name());
        model.addAttribute("camera", camera == null ? null : CameraView.of(camera));
        model.addAttribute("values", values);
        model.addAttribute("cameraGroups", groups.all());
        if (error != null) model.addAttribute("flashError", error);
        return "camera/form";
    }

    /** The problem in the page's language. */
    private String inWords(CameraProblem problem) {
        return problem.updateAndGetBody(messages, LocaleContextHolder.getLocale()).getDetail();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
