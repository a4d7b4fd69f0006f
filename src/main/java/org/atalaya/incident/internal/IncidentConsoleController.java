package org.atalaya.incident.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.atalaya.incident.IncidentStatus;
import org.atalaya.incident.IncidentType;
import org.atalaya.incident.IncidentView;
import org.atalaya.map.MapProperties;
import org.atalaya.platform.RequestProblem;
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
 * The console's incident pages: the list of active (or recently ended) incidents and one incident's page, with its
 * stages, map, narrative, duplicates, the cameras that cover it, and the calls' and units' panels of the modules that
 * own them. Changes are plain forms that come back to the page.
 */
@Controller
class IncidentConsoleController {

    /** The ended incidents listed are those opened this long ago at most. */
    static final Duration ENDED_SHOWN = Duration.ofDays(7);

    /** One stage of an incident with when it was reached (null: not reached). */
    record Stage(IncidentStatus status, Instant at) {
    }

    /** An incident in a list, with its type in the page's language and how long ago it was opened. */
    record Listed(IncidentView incident, String typeLabel, String age) {
    }

    private final IncidentService incidents;
    private final IncidentTypeStore types;
    private final CamerasNear cameras;
    private final MessageSource messages;
    private final Clock clock;
    private final MapProperties map;

    IncidentConsoleController(IncidentService incidents, IncidentTypeStore types, CamerasNear cameras,
                              MessageSource messages, Clock clock, MapProperties map) {
        this.incidents = incidents;
        this.types = types;
        this.cameras = cameras;
        this.messages = messages;
        this.clock = clock;
        this.map = map;
    }

    @GetMapping("/incidents")
    @RequiresPermission(Permission.INCIDENT_VIEW)
    String list(@RequestParam(defaultValue = "active") String show, Model model) {
        boolean ended = "ended".equals(show);
        Instant now = clock.instant();
        List<IncidentView> shown = ended
                ? incidents.listedBetween(now.minus(ENDED_SHOWN), now.plusMillis(1)).stream()
                        .filter(incident -> incident.status().ended()).toList()
                : incidents.active();
        Map<String, String> labels = typeLabels();
        model.addAttribute("pageTitle", message("incident.list.title"));
        model.addAttribute("ended", ended);
        model.addAttribute("canConfigure", user().can(Permission.SYSTEM_CONFIGURE));
        model.addAttribute("now", now);
        model.addAttribute("incidents", shown.stream()
                .map(incident -> listed(incident, labels, now)).toList());
        return "incident/list";
    }

    @GetMapping("/incidents/{id:\\d+}")
    @RequiresPermission(Permission.INCIDENT_VIEW)
    String page(@PathVariable long id, Model model, HttpServletRequest request) {
        SignedInUser user = user();
        IncidentRow row = incidents.viewed(id, user.username());
        IncidentView incident = row.view();
        Map<String, String> labels = typeLabels();
        model.addAttribute("pageTitle", incident.number());
        model.addAttribute("incident", incident);
        model.addAttribute("row", row);
        model.addAttribute("typeLabel", labels.getOrDefault(incident.typeCode(), incident.typeCode()));
        model.addAttribute("stages", List.of(new Stage(IncidentStatus.NEW, incident.createdAt()),
                new Stage(IncidentStatus.DISPATCHED, incident.dispatchedAt()),
                new Stage(IncidentStatus.EN_ROUTE, incident.enRouteAt()),
                new Stage(IncidentStatus.ON_SCENE, incident.onSceneAt())));
        model.addAttribute("narrative", incidents.narrative(id));
        model.addAttribute("duplicates", incidents.duplicatesOf(id).stream()
                .map(duplicate -> listed(duplicate, labels, clock.instant())).toList());
        model.addAttribute("cameras", cameras.of(incident, user, LocaleContextHolder.getLocale(),
                request.getContextPath()));
        model.addAttribute("canManage", user.can(Permission.INCIDENT_MANAGE) && !incident.status().ended());
        model.addAttribute("canDispatch", user.can(Permission.DISPATCH_VIEW));
        model.addAttribute("tileUrl", map.tileUrl());
        model.addAttribute("attribution", map.attribution());
        return "incident/page";
    }

    @PostMapping("/incidents/{id:\\d+}/notes")
    @RequiresPermission(Permission.INCIDENT_MANAGE)
    String note(@PathVariable long id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(id, redirect, "incident.flash.noted", () -> incidents.log(id, text, user().username()));
    }

    @PostMapping("/incidents/{id:\\d+}/close")
    @RequiresPermission(Permission.INCIDENT_MANAGE)
    String close(@PathVariable long id, @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
        return act(id, redirect, "incident.flash.closed", () -> incidents.close(id, outcome, user().username()));
    }

    @PostMapping("/incidents/{id:\\d+}/cancel")
    @RequiresPermission(Permission.INCIDENT_MANAGE)
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "incident.flash.cancelled", () -> incidents.cancel(id, reason, user().username()));
    }

    /** Merges this incident into the survivor, then shows the survivor. */
    @PostMapping("/incidents/{id:\\d+}/merge-into")
    @RequiresPermission(Permission.INCIDENT_MANAGE)
    String merge(@PathVariable long id, @RequestParam long survivor, RedirectAttributes redirect) {
        try {
            IncidentView merged = incidents.merge(id, survivor, user().username());
            redirect.addFlashAttribute("flash", message("incident.flash.merged", merged.number()));
            return "redirect:/incidents/" + merged.id();
        } catch (RequestProblem refused) {
            redirect.addFlashAttribute("flashError", inWords(refused));
            return "redirect:/incidents/" + id;
        }
    }

    private String act(long id, RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", message(doneKey));
        } catch (RequestProblem refused) {
            redirect.addFlashAttribute("flashError", inWords(refused));
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("flashError", refused.getMessage());
        }
        return "redirect:/incidents/" + id;
    }

    private static Listed listed(IncidentView incident, Map<String, String> labels, Instant now) {
        return new Listed(incident, labels.getOrDefault(incident.typeCode(), incident.typeCode()),
                age(Duration.between(incident.createdAt(), now)));
    }

    /** A duration as a person reads it at a glance: 45 s, 12 min, 3 h 05, 2 d 4 h. */
    static String age(Duration age) {
        if (age.isNegative()) return "0 s";
        if (age.toMinutes() < 1) return age.toSeconds() + " s";
        if (age.toHours() < 1) return age.toMinutes() + " min";
        if (age.toDays() < 1) return age.toHours() + " h " + String.format("%02d", age.toMinutesPart());
        return age.toDays() + " d " + age.toHoursPart() + " h";
    }

    /** The problem's detail in the page's language where there is a translation. */
    private String inWords(RequestProblem problem) {
        return messages.getMessage(problem.getDetailMessageCode(), problem.getDetailMessageArguments(),
                problem.getMessage(), LocaleContextHolder.getLocale());
    }

    private Map<String, String> typeLabels() {
        boolean spanish = "es".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, String> labels = new LinkedHashMap<>();
        for (IncidentType type : types.all()) labels.put(type.code(), spanish ? type.nameEs() : type.name());
        return labels;
    }

    private String message(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, locale);
    }

    private static SignedInUser user() {
        return CurrentUser.get().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
