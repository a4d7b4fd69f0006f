package org.atalaya.alarm.internal.sources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The console's page of alarm sources: the list with each source's connection and last event, the form to add or
 * change one, and the page that shows a new webhook token once (rendered, never kept in the session).
 */
@Controller
@RequiresPermission(Permission.ALARM_CONFIGURE)
class AlarmSourceConsoleController {

    /** The badge style of each connection state. */
    private static final Map<String, String> STATUS_BADGES = Map.of(MqttStatuses.ConnectionStatus.CONNECTED, "ok",
            MqttStatuses.ConnectionStatus.CONNECTING, "warn", MqttStatuses.ConnectionStatus.ERROR, "danger");

    private final AlarmSourceRegistry registry;
    private final MqttStatuses statuses;
    private final CameraCatalog cameras;
    private final MessageSource messages;

    AlarmSourceConsoleController(AlarmSourceRegistry registry, MqttStatuses statuses, CameraCatalog cameras,
                                 MessageSource messages) {
        this.registry = registry;
        this.statuses = statuses;
        this.cameras = cameras;
        this.messages = messages;
    }

    @GetMapping("/alarms/sources")
    String list(Model model) {
        model.addAttribute("pageTitle", message("alarm-sources.title"));
        model.addAttribute("sources", registry.all().stream()
                .map(source -> AlarmSourceView.of(source, statuses, null)).toList());
        model.addAttribute("cameraNames", cameras.all().stream()
                .collect(Collectors.toMap(RegisteredCamera::id, RegisteredCamera::name)));
        model.addAttribute("statusBadges", STATUS_BADGES);
        return "alarm-sources";
    }

    @GetMapping("/alarms/sources/new")
    String newSource(Model model) {
        return form(model, null, Map.of("kind", "webhook", "enabled", "true", "qos", "1"), List.of(), null);
    }

    @PostMapping("/alarms/sources")
    String create(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            AlarmSourceRegistry.WithToken created = registry.create(AlarmSourceForm.changes(form, true));
            if (created.token() != null) return tokenPage(model, created);
            redirect.addFlashAttribute("flash", message("alarm-sources.created", created.source().name()));
            return "redirect:/alarms/sources";
        } catch (AlarmSourceProblem problem) {
            if (problem.getStatusCode().value() != 400) throw problem;
            return form(model, null, form.toSingleValueMap(), AlarmSourceForm.cameraIds(form), inWords(problem));
        }
    }

    @GetMapping("/alarms/sources/{id}")
    String edit(@PathVariable long id, Model model) {
        AlarmSource source = registry.find(id);
        return form(model, source, AlarmSourceForm.values(source), source.cameraIds(), null);
    }

    @PostMapping("/alarms/sources/{id}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect) {
        try {
            AlarmSource source = registry.update(id, AlarmSourceForm.changes(form, false));
            redirect.addFlashAttribute("flash", message("alarm-sources.saved", source.name()));
            return "redirect:/alarms/sources";
        } catch (AlarmSourceProblem problem) {
            if (problem.getStatusCode().value() != 400) throw problem;
            return form(model, registry.find(id), form.toSingleValueMap(), AlarmSourceForm.cameraIds(form),
                    inWords(problem));
        }
    }

    @PostMapping("/alarms/sources/{id}/token")
    String rotateToken(@PathVariable long id, Model model) {
        return tokenPage(model, registry.rotateToken(id));
    }

    @PostMapping("/alarms/sources/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        String name = registry.find(id).name();
        registry.delete(id);
        redirect.addFlashAttribute("flash", message("alarm-sources.deleted", name));
        return "redirect:/alarms/sources";
    }

    private String tokenPage(Model model, AlarmSourceRegistry.WithToken withToken) {
        AlarmSource source = withToken.source();
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(AlarmSourceView.webhookPath(source.id())).toUriString();
        model.addAttribute("pageTitle", source.name());
        model.addAttribute("source", AlarmSourceView.of(source, statuses, null));
        model.addAttribute("token", withToken.token());
        model.addAttribute("webhookUrl", url);
        model.addAttribute("exampleCurl", "curl -X POST " + url + " -H 'Content-Type: application/json' -H '"
                + AlarmSourceView.TOKEN_HEADER + ": " + withToken.token()
                + "' -d '{\"event\": \"panic\", \"message\": \"Panic button pressed\"}'");
        return "alarm-sources-token";
    }

    private String form(Model model, AlarmSource source, Map<String, String> values, List<Long> linked,
                        String error) {
        model.addAttribute("pageTitle", source == null ? message("alarm-sources.new") : source.name());
        model.addAttribute("source", source == null ? null : AlarmSourceView.of(source, statuses, null));
        model.addAttribute("values", new HashMap<>(values));
        model.addAttribute("linked", linked);
        model.addAttribute("alarmTypes", registry.alarmTypes());
        List<RegisteredCamera> all = new ArrayList<>(cameras.all());
        all.sort(Comparator.comparing(RegisteredCamera::name, String.CASE_INSENSITIVE_ORDER));
        model.addAttribute("cameras", all);
        if (error != null) model.addAttribute("flashError", error);
        return "alarm-sources-form";
    }

    /** The problem in the page's language. */
    private String inWords(AlarmSourceProblem problem) {
        return problem.updateAndGetBody(messages, LocaleContextHolder.getLocale()).getDetail();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
