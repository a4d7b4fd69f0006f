package org.atalaya.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.access.Capability;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
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

/**
 * Role administration: the list, a new custom role, a role's permissions as a grid by capability (scopable ones
 * limited to camera groups when groups are ticked), and the camera groups themselves.
 */
@Controller
@RequiresPermission(Permission.ROLE_MANAGE)
class RolesAdminController {

    /** Form field naming the camera groups a scopable permission is limited to: {@code groups.LIVE_VIEW}. */
    static final String GROUPS_FIELD = "groups.";

    private final RoleAdministration administration;
    private final MessageSource messages;

    RolesAdminController(RoleAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping("/admin/roles")
    String list(Model model) {
        model.addAttribute("pageTitle", message("roles.title"));
        model.addAttribute("roles", administration.list());
        model.addAttribute("cameraGroups", administration.cameraGroups());
        return "identity/roles";
    }

    @PostMapping("/admin/roles")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                  RedirectAttributes redirect) {
        try {
            var role = administration.create(name, description);
            redirect.addFlashAttribute("flash", message("roles.created", role.name()));
            redirect.addAttribute("name", role.name());
            return "redirect:/admin/roles/{name}";
        } catch (IdentityProblem problem) {
            redirect.addFlashAttribute("flashError", message(problem.messageKey(), problem.arguments()));
            return "redirect:/admin/roles";
        }
    }

    @GetMapping("/admin/roles/{name}")
    String edit(@PathVariable String name, Model model) {
        var role = administration.role(name);
        model.addAttribute("pageTitle", message("roles.edit.title", role.name()));
        model.addAttribute("role", role);
        model.addAttribute("capabilities", permissionsByCapability());
        model.addAttribute("cameraGroups", administration.cameraGroups());
        return "identity/role";
    }

    @PostMapping("/admin/roles/{name}")
    String update(@PathVariable String name, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        try {
            administration.update(name, form.getFirst("description"), form.containsKey("requiresTotp"), grants(form));
            redirect.addFlashAttribute("flash", message("roles.saved", name));
        } catch (IdentityProblem problem) {
            if (problem.status().value() == 404) throw problem;
            redirect.addFlashAttribute("flashError", message(problem.messageKey(), problem.arguments()));
        }
        return "redirect:/admin/roles/{name}";
    }

    @PostMapping("/admin/roles/{name}/delete")
    String delete(@PathVariable String name, RedirectAttributes redirect) {
        try {
            administration.delete(name);
            redirect.addFlashAttribute("flash", message("roles.deleted", name));
            return "redirect:/admin/roles";
        } catch (IdentityProblem problem) {
            if (problem.status().value() == 404) throw problem;
            redirect.addFlashAttribute("flashError", message(problem.messageKey(), problem.arguments()));
            return "redirect:/admin/roles/{name}";
        }
    }

    @PostMapping("/admin/camera-groups")
    String createCameraGroup(@RequestParam(defaultValue = "") String name,
                             @RequestParam(defaultValue = "") String description, RedirectAttributes redirect) {
        return groupAction(redirect, "cameraGroups.created", name, () -> administration.createCameraGroup(name, description));
    }

    @PostMapping("/admin/camera-groups/delete")
    String deleteCameraGroup(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        return groupAction(redirect, "cameraGroups.deleted", name, () -> administration.deleteCameraGroup(name));
    }

    private String groupAction(RedirectAttributes redirect, String successKey, String name, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", message(successKey, name));
        } catch (IdentityProblem problem) {
            redirect.addFlashAttribute("flashError", message(problem.messageKey(), problem.arguments()));
        }
        return "redirect:/admin/roles#camera-groups";
    }

    /** Ticked permissions; a scopable one with groups ticked is limited to them, otherwise it covers every group. */
    static List<Role.Grant> grants(MultiValueMap<String, String> form) {
        var grants = new ArrayList<Role.Grant>();
        for (String name : form.getOrDefault("permission", List.of())) {
            Permission permission;
            try {
                permission = Permission.valueOf(name);
            } catch (IllegalArgumentException unknown) {
                throw IdentityProblem.invalid("role.permission.unknown", name);
            }
            var groups = form.getOrDefault(GROUPS_FIELD + name, List.of());
            if (groups.isEmpty() || !permission.scopable()) {
                grants.add(new Role.Grant(permission, null));
            } else {
                groups.forEach(group -> grants.add(new Role.Grant(permission, group)));
            }
        }
        return grants;
    }

    private static Map<Capability, List<Permission>> permissionsByCapability() {
        Map<Capability, List<Permission>> grouped = new LinkedHashMap<>();
        for (Capability capability : Capability.values()) {
            var permissions = Arrays.stream(Permission.values()).filter(p -> p.capability() == capability).toList();
            if (!permissions.isEmpty()) grouped.put(capability, permissions);
        }
        return grouped;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
