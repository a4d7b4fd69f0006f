package org.atalaya.responder.internal;

import java.util.Locale;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.Units;
import org.atalaya.map.MapProperties;
import org.atalaya.platform.RequestProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The responder's phone page: sign on to a unit, see its incident, report its status, sign off. Each form works
 * without script (the answer is the page again); with htmx it answers with the panel alone, so that sharing the
 * position goes on undisturbed.
 */
@Controller
@RequiresPermission(Permission.UNIT_REPORT)
class ResponderPageController {

    private static final String PAGE = "responder/responder";
    private static final String PANEL = "responder/responder :: panel";
    private static final String BACK = "redirect:/responder";

    private final Units units;
    private final ResponderPanels panels;
    private final ResponderProperties properties;
    private final MapProperties map;
    private final MessageSource messages;

    ResponderPageController(Units units, ResponderPanels panels, ResponderProperties properties, MapProperties map,
                            MessageSource messages) {
        this.units = units;
        this.panels = panels;
        this.properties = properties;
        this.map = map;
        this.messages = messages;
    }

    /** Where Traccar Client on the phone sends its positions (tracking's OsmAnd endpoint on this server). */
    @ModelAttribute("trackingAddress")
    String trackingAddress() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/osmand").toUriString();
    }

    @GetMapping("/responder")
    String page(Model model) {
        model.addAttribute("pageTitle", message("responder.title"));
        model.addAttribute("map", map);
        model.addAttribute("positionEvery", properties.positionEvery().toMillis());
        model.addAttribute("panel", panels.of(username(), locale()));
        return PAGE;
    }

    @GetMapping("/responder/panel")
    String panel(Model model) {
        model.addAttribute("panel", panels.of(username(), locale()));
        return PANEL;
    }

    @PostMapping("/responder/sign-on")
    String signOn(@RequestParam long unitId, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model, RedirectAttributes redirect) {
        return act(() -> units.signOn(username(), unitId), htmx != null, model, redirect);
    }

    @PostMapping("/responder/sign-off")
    String signOff(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                   RedirectAttributes redirect) {
        return act(() -> units.signOff(username()), htmx != null, model, redirect);
    }

    /**
     * Reports the unit's new status. {@code from} is the status the page showed: when the unit's status changed
     * meanwhile (a dispatcher reassigned it), the press is refused rather than applied to a situation the responder
     * did not see. A second press of a button already heeded (a double tap) changes nothing.
     */
    @PostMapping("/responder/status")
    String status(@RequestParam UnitStatus status, @RequestParam UnitStatus from,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect) {
        return act(() -> {
            UnitView unit = units.signedOnBy(username())
                    .orElseThrow(() -> new IllegalStateException(message("responder.error.notSignedOn")));
            if (unit.status() == status) return;
            if (unit.status() != from) {
                throw new IllegalStateException(message("responder.error.changed",
                        message("responder.status." + unit.status())));
            }
            units.changeStatus(unit.id(), status, username());
        }, htmx != null, model, redirect);
    }

    /** Does what the responder asked; a refusal is shown as its sentence, on the panel or the page. */
    private String act(Runnable action, boolean htmx, Model model, RedirectAttributes redirect) {
        String refusal = null;
        try {
            action.run();
        } catch (IllegalArgumentException | IllegalStateException | RequestProblem refused) {
            refusal = refused.getMessage();
        }
        if (!htmx) {
            if (refusal != null) redirect.addFlashAttribute("flashError", refusal);
            return BACK;
        }
        model.addAttribute("panelError", refusal);
        return panel(model);
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static String username() {
        return CurrentUser.get().orElseThrow().username();
    }
}
