package org.atalaya.dispatch.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.internal.Fleet.UnitForm;
import org.atalaya.tracking.TrackedDevices;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console page of agencies and units: read by dispatchers, changed by administrators. */
@Controller
class FleetConsoleController {

    private static final String BACK = "redirect:/dispatch/units";

    /** A unit on the page with its devices, its crew and capabilities written one a line for editing. */
    record UnitRow(UnitRecord unit, List<String> devices, String crewText, String capabilitiesText) {
    }

    private final Fleet fleet;
    private final UnitDirectory directory;
    private final TrackedDevices devices;
    private final MessageSource messages;

    FleetConsoleController(Fleet fleet, UnitDirectory directory, TrackedDevices devices, MessageSource messages) {
        this.fleet = fleet;
        this.directory = directory;
        this.devices = devices;
        this.messages = messages;
    }

    /** Read by dispatchers and by the administrators who configure the fleet. */
    @GetMapping("/dispatch/units")
    @RequiresPermission({Permission.DISPATCH_VIEW, Permission.SYSTEM_CONFIGURE})
    String units(Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("pageTitle", messages.getMessage("dispatch.units.title", null, locale));
        model.addAttribute("agencies", fleet.agencies());
        model.addAttribute("kinds", AgencyKind.values());
        model.addAttribute("unitTypes", Fleet.UNIT_TYPES);
        model.addAttribute("units", directory.all().stream()
                .map(unit -> new UnitRow(unit, devices.devicesOf(unit.id()), String.join("\n", unit.view().crew()),
                        String.join("\n", unit.view().capabilities().stream().sorted().toList())))
                .toList());
        model.addAttribute("canEdit", DispatchApiController.user().can(Permission.SYSTEM_CONFIGURE));
        return "dispatch/units";
    }

    @PostMapping("/dispatch/units/agencies")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    String createAgency(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                        RedirectAttributes redirect) {
        return act(redirect, () -> fleet.createAgency(name, kind, actor()).name());
    }

    @PostMapping("/dispatch/units")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    String createUnit(@RequestParam(required = false) String callSign, @RequestParam(required = false) Long agencyId,
                      @RequestParam(required = false) String unitType, @RequestParam(required = false) String crew,
                      @RequestParam(required = false) String capabilities, RedirectAttributes redirect) {
        return act(redirect, () -> fleet.createUnit(new UnitForm(callSign, agencyId, unitType, lines(capabilities),
                lines(crew), true), actor()).callSign());
    }

    @PostMapping("/dispatch/units/{id}")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    String changeUnit(@PathVariable long id, @RequestParam(required = false) String callSign,
                      @RequestParam(required = false) Long agencyId, @RequestParam(required = false) String unitType,
                      @RequestParam(required = false) String crew, @RequestParam(required = false) String capabilities,
                      @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        return act(redirect, () -> fleet.changeUnit(id, new UnitForm(callSign, agencyId, unitType,
                lines(capabilities), lines(crew), active), actor()).callSign());
    }

    @PostMapping("/dispatch/units/{id}/devices")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    String registerDevice(@PathVariable long id, @RequestParam(required = false) String deviceId,
                          RedirectAttributes redirect) {
        return act(redirect, () -> {
            UnitRecord unit = directory.find(id).orElseThrow(() -> DispatchProblem.noUnit(id));
            String clean = deviceId == null ? "" : deviceId.strip();
            if (clean.isEmpty()) throw DispatchProblem.invalid("Give the device identifier.");
            try {
                devices.register(clean, id, actor());
            } catch (IllegalArgumentException refused) {
                throw DispatchProblem.invalid(refused.getMessage());
            }
            return unit.callSign();
        });
    }

    @PostMapping("/dispatch/units/{id}/devices/remove")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    String unregisterDevice(@PathVariable long id, @RequestParam String deviceId, RedirectAttributes redirect) {
        return act(redirect, () -> {
            devices.unregister(deviceId, actor());
            return directory.find(id).map(UnitRecord::callSign).orElse(deviceId);
        });
    }

    /** Does the change and comes back to the page saying what was saved, or why not. */
    private String act(RedirectAttributes redirect, Supplier<String> change) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            String saved = change.get();
            redirect.addFlashAttribute("flash", messages.getMessage("dispatch.units.saved", new Object[]{saved},
                    locale));
        } catch (DispatchProblem refused) {
            redirect.addFlashAttribute("flashError", refused.getMessage());
        }
        return BACK;
    }

    private static String actor() {
        return DispatchApiController.user().username();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\n,]")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }
}
