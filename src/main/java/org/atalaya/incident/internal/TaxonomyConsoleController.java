package org.atalaya.incident.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
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

/** The administrator's editor of the incident taxonomy: names, default priority, unit types, in use or not. */
@Controller
class TaxonomyConsoleController {

    private final IncidentTypeStore types;
    private final TaxonomyEditor editor;
    private final MessageSource messages;

    TaxonomyConsoleController(IncidentTypeStore types, TaxonomyEditor editor, MessageSource messages) {
        this.types = types;
        this.editor = editor;
        this.messages = messages;
    }

    @GetMapping("/incidents/types")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    String types(Model model) {
        model.addAttribute("pageTitle", messages.getMessage("incident.types.title", null,
                LocaleContextHolder.getLocale()));
        model.addAttribute("types", types.all());
        model.addAttribute("unitTypes", new TreeSet<>(TaxonomyEditor.UNIT_TYPES));
        return "incident/types";
    }

    @PostMapping("/incidents/types/{code}")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    String change(@PathVariable String code, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String nameEs,
                  @RequestParam(required = false) Integer defaultPriority,
                  @RequestParam(required = false) List<String> unitTypes,
                  @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        return save(redirect, () -> editor.change(code, request(name, nameEs, defaultPriority, unitTypes, active),
                CurrentUser.get().orElseThrow().username()), "incident.types.saved", code);
    }

    @PostMapping("/incidents/types")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String nameEs,
                  @RequestParam(required = false) Integer defaultPriority,
                  @RequestParam(required = false) List<String> unitTypes, RedirectAttributes redirect) {
        String given = code == null ? "" : code.strip();
        return save(redirect, () -> editor.create(given, request(name, nameEs, defaultPriority, unitTypes, true),
                CurrentUser.get().orElseThrow().username()), "incident.types.created", given);
    }

    private static TaxonomyEditor.TypeRequest request(String name, String nameEs, Integer priority, List<String> units,
                                                      boolean active) {
        return new TaxonomyEditor.TypeRequest(name, nameEs, priority,
                units == null ? Set.of() : new TreeSet<>(units), active);
    }

    private String save(RedirectAttributes redirect, Runnable action, String doneKey, String code) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage(doneKey, new Object[]{code},
                    LocaleContextHolder.getLocale()));
        } catch (RequestProblem refused) {
            redirect.addFlashAttribute("flashError", messages.getMessage(refused.getDetailMessageCode(),
                    refused.getDetailMessageArguments(), refused.getMessage(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/incidents/types";
    }
}
