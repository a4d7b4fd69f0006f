package org.atalaya.dispatch.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.atalaya.dispatch.internal.BoardQueries.Board;
import org.atalaya.dispatch.internal.UnitRecommender.Recommendation;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.map.MapProperties;
import org.atalaya.platform.ServerSentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dispatcher's board (incidents, units and the map, kept live by its stream) and the incident page's dispatch
 * panel, whose assign and release buttons post forms answered with the panel again.
 */
@Controller
class DispatchConsoleController {

    private static final Logger log = LoggerFactory.getLogger(DispatchConsoleController.class);

    private final BoardQueries board;
    private final BoardStream stream;
    private final DispatchService dispatch;
    private final UnitRecommender recommender;
    private final Incidents incidents;
    private final MapProperties map;
    private final MessageSource messages;
    private final Clock clock;

    DispatchConsoleController(BoardQueries board, BoardStream stream, DispatchService dispatch,
                              UnitRecommender recommender, Incidents incidents, MapProperties map,
                              MessageSource messages, Clock clock) {
        this.board = board;
        this.stream = stream;
        this.dispatch = dispatch;
        this.recommender = recommender;
        this.incidents = incidents;
        this.map = map;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/dispatch")
    @RequiresPermission(Permission.DISPATCH_VIEW)
    String board(Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("pageTitle", messages.getMessage("dispatch.title", null, locale));
        model.addAttribute("map", map);
        model.addAttribute("unitTypes", Fleet.UNIT_TYPES);
        model.addAttribute("canAssign", DispatchApiController.user().can(Permission.DISPATCH_ASSIGN));
        return "dispatch/board";
    }

    @GetMapping("/api/v1/dispatch/board")
    @RequiresPermission(Permission.DISPATCH_VIEW)
    @ResponseBody
    Board boardData() {
        return board.board(LocaleContextHolder.getLocale());
    }

    /** Server-sent events for the board: see {@link BoardStream}. The stream ends after a while; browsers reconnect. */
    @GetMapping("/api/v1/dispatch/stream")
    @RequiresPermission(Permission.DISPATCH_VIEW)
    void stream(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                HttpServletResponse response) {
        if (!ServerSentEvents.accepted(accept)) throw DispatchProblem.notAcceptable();
        try {
            stream.stream(DispatchApiController.user().username(), response);
        } catch (IOException gone) {
            log.debug("A dispatch board stream ended, its reader has gone: {}", gone.getMessage());
        }
    }

    @GetMapping("/dispatch/incidents/{id}/panel")
    @RequiresPermission(Permission.DISPATCH_VIEW)
    String panel(@PathVariable long id, Model model) {
        return panel(id, null, model);
    }

    @PostMapping("/dispatch/incidents/{id}/assign")
    @RequiresPermission(Permission.DISPATCH_ASSIGN)
    String assign(@PathVariable long id, @RequestParam long unitId,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String problem = null;
        try {
            dispatch.assign(id, List.of(unitId), DispatchApiController.user().username());
        } catch (DispatchProblem refused) {
            problem = refused.getMessage();
        }
        return htmx == null ? "redirect:/incidents/" + id : panel(id, problem, model);
    }

    @PostMapping("/dispatch/incidents/{id}/release")
    @RequiresPermission(Permission.DISPATCH_ASSIGN)
    String release(@PathVariable long id, @RequestParam long unitId,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String problem = null;
        try {
            dispatch.release(id, unitId, DispatchApiController.user().username());
        } catch (DispatchProblem refused) {
            problem = refused.getMessage();
        }
        return htmx == null ? "redirect:/incidents/" + id : panel(id, problem, model);
    }

    private String panel(long id, String problem, Model model) {
        IncidentView incident = incidents.find(id).orElseThrow(() -> DispatchProblem.noIncident(id));
        SignedInUser user = DispatchApiController.user();
        Instant now = clock.instant();
        model.addAttribute("incident", incident);
        model.addAttribute("assignments", dispatch.assignmentsOf(id));
        model.addAttribute("recommendations", incident.status().ended() ? List.of()
                : recommender.recommend(incident).stream().map(unit -> new Recommended(unit, minutes(unit.eta()),
                        distance(unit.distanceMetres()))).toList());
        model.addAttribute("canAssign", user.can(Permission.DISPATCH_ASSIGN) && !incident.status().ended());
        model.addAttribute("problem", problem);
        model.addAttribute("now", now);
        return "dispatch/panel :: panel";
    }

    /** A recommended unit with its travel time and distance written out. */
    record Recommended(Recommendation unit, String eta, String distance) {
    }

    /** "4 min", "45 s": a travel time as a dispatcher reads it. */
    static String minutes(Duration eta) {
        if (eta == null) return "";
        long seconds = eta.toSeconds();
        return seconds < 60 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }

    /** "850 m", "3.2 km". */
    static String distance(Double metres) {
        if (metres == null) return "";
        return metres < 1000 ? Math.round(metres / 10) * 10 + " m" : String.format(Locale.ROOT, "%.1f km", metres / 1000);
    }
}
