package org.atalaya.intake.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.incident.IncidentType;
import org.atalaya.incident.IncidentTypes;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.map.MapProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The call-taker's screen (the queue, the intake form with its map; its script acts through the call API) and the
 * panel of an incident's calls that the incident page embeds.
 */
@Controller
class CallConsoleController {

    /** The words the screen's script shows, looked up as {@code intake.js.<key>}. */
    static final List<String> SCRIPT_LABELS = List.of("answer", "answered-by", "abandoned", "ended", "ringing",
            "active", "manual", "sip", "no-location", "location-problem", "uncertainty", "incident", "unknown-caller",
            "stream-connecting", "stream-open", "stream-reconnecting", "new-call-failed", "answered-elsewhere",
            "duplicates-add", "not-yet", "caller-hung-up", "coordinates-invalid", "none-ringing", "none-active",
            "none-recent", "take-down", "hang-up", "failed");

    /** An incident type as the form offers it, in the user's language. */
    record TypeOption(String code, String label, int defaultPriority) {
    }

    private final IncidentTypes types;
    private final Incidents incidents;
    private final CallStore store;
    private final PanelAudit panelAudit;
    private final MapProperties map;
    private final MessageSource messages;

    CallConsoleController(IncidentTypes types, Incidents incidents, CallStore store, PanelAudit panelAudit,
                          MapProperties map, MessageSource messages) {
        this.types = types;
        this.incidents = incidents;
        this.store = store;
        this.panelAudit = panelAudit;
        this.map = map;
        this.messages = messages;
    }

    @GetMapping("/calls")
    @RequiresPermission(Permission.CALL_INTAKE)
    String calls(Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean spanish = "es".equals(locale.getLanguage());
        model.addAttribute("pageTitle", messages.getMessage("intake.title", null, locale));
        model.addAttribute("types", types.all().stream().filter(IncidentType::active)
                .map(type -> new TypeOption(type.code(), spanish ? type.nameEs() : type.name(), type.defaultPriority()))
                .sorted(Comparator.comparing(TypeOption::label, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("map", map);
        model.addAttribute("scriptLabels", SCRIPT_LABELS);
        return "intake/calls";
    }

    /** The calls of an incident, for its page; looking is audited (callers' numbers are personal data). */
    @GetMapping("/calls/incidents/{incidentId}/panel")
    @RequiresPermission(Permission.INCIDENT_VIEW)
    String panel(@PathVariable long incidentId, Model model) {
        List<CallRow> calls = store.ofIncident(incidentId);
        String number = incidents.find(incidentId).map(IncidentView::number).orElse(String.valueOf(incidentId));
        panelAudit.looked(CurrentUser.get().orElseThrow().username(), incidentId, number, calls);
        model.addAttribute("calls", calls);
        model.addAttribute("incidentNumber", number);
        return "intake/panel";
    }
}
