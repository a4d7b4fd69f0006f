package org.atalaya.recording.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console page of legal holds: the active holds the user may manage, each with a release form, and a form to set
 * a new one. The browser turns the local times typed into UTC instants before sending (js/legal-holds.js).
 */
@Controller
@RequiresPermission(Permission.LEGAL_HOLD_MANAGE)
class LegalHoldConsoleController {

    private final LegalHolds holds;
    private final MessageSource messages;

    LegalHoldConsoleController(LegalHolds holds, MessageSource messages) {
        this.holds = holds;
        this.messages = messages;
    }

    @GetMapping("/legal-holds")
    String page(Model model) {
        return page(model, Map.of(), null);
    }

    @PostMapping("/legal-holds")
    String set(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            long cameraId = Long.parseLong(form.getOrDefault("camera", ""));
            LegalHold hold = holds.set(cameraId, instant(form.get("from")), instant(form.get("to")), form.get("reason"),
                    form.get("case"));
            String camera = holds.manageableCameras().stream().filter(c -> c.id() == hold.cameraId())
                    .map(c -> c.name()).findFirst().orElse(Long.toString(hold.cameraId()));
            redirect.addFlashAttribute("flash", message("legalHolds.set.done", camera));
            return "redirect:/legal-holds";
        } catch (NumberFormatException e) {
            return page(model, form, message("legalHolds.error.camera"));
        } catch (LegalHoldProblem problem) {
            if (!problem.invalidInput()) throw problem;
            return page(model, form, message("legalHolds.error." + problem.code()));
        }
    }

    @PostMapping("/legal-holds/{holdId}/release")
    String release(@PathVariable long holdId, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes redirect) {
        try {
            holds.release(holdId, reason);
            redirect.addFlashAttribute("flash", message("legalHolds.release.done"));
        } catch (LegalHoldProblem problem) {
            if (!problem.invalidInput() && !"released".equals(problem.code())) throw problem;
            redirect.addFlashAttribute("flashError", message("legalHolds.error." + problem.code()));
        }
        return "redirect:/legal-holds";
    }

    private String page(Model model, Map<String, String> values, String error) {
        model.addAttribute("pageTitle", message("legalHolds.title"));
        model.addAttribute("holds", holds.activeManageable());
        model.addAttribute("cameras", holds.manageableCameras());
        model.addAttribute("values", values);
        if (error != null) model.addAttribute("flashError", error);
        return "recording/legal-holds";
    }

    /** The instant the page's script put in the field, or {@code null} when it is empty or not one. */
    private static Instant instant(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
