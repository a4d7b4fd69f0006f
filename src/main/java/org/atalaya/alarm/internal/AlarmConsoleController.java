package org.atalaya.alarm.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operators' alarm console: the queue with its counts, one alarm's detail and the steps of working it, kept up to
 * date by the alarm stream; its script acts through the alarm API. And the supervisors' page of alarm types.
 */
@Controller
class AlarmConsoleController {

    /** How an alarm may be closed, in the order the console offers them. */
    static final List<String> OUTCOMES = List.of("resolved", "false-alarm", "referred", "test", "duplicate");

    private final AlarmTypes types;
    private final AlarmConsoleProperties properties;
    private final MessageSource messages;

    AlarmConsoleController(AlarmTypes types, AlarmConsoleProperties properties, MessageSource messages) {
        this.types = types;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/alarms")
    @RequiresPermission(Permission.ALARM_VIEW)
    String alarms(Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        SignedInUser user = CurrentUser.get().orElseThrow();
        Map<String, String> typeLabels = new LinkedHashMap<>();
        types.all().forEach(type -> typeLabels.put(type.code(), type.label(locale)));
        model.addAttribute("pageTitle", messages.getMessage("alarms.title", null, locale));
        model.addAttribute("typeLabels", typeLabels);
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("closedShown", properties.closedShown());
        model.addAttribute("supervisor", user.can(Permission.ALARM_CONFIGURE));
        return "alarms";
    }

    @GetMapping("/alarms/types")
    @RequiresPermission(Permission.ALARM_CONFIGURE)
    String types(Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("pageTitle", messages.getMessage("alarms.types.title", null, locale));
        model.addAttribute("types", types.all().stream()
                .map(type -> new TypeRow(type, type.label(locale), String.join("\n", type.sop()))).toList());
        return "alarms-types";
    }

    /** An alarm type with its label in the page's language and its checklist as one text, a line each. */
    record TypeRow(AlarmType type, String label, String sopText) {
    }
}
