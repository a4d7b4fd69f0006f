package org.atalaya.identity.internal;

import java.util.List;
import java.util.function.Consumer;
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
 * User administration pages. A new or reset one-time password is shown in the answer to the form itself, never
 * parked in the session store.
 */
@Controller
@RequiresPermission(Permission.USER_MANAGE)
class UsersAdminController {

    private final UserAdministration administration;
    private final RoleAdministration roles;
    private final MessageSource messages;

    UsersAdminController(UserAdministration administration, RoleAdministration roles, MessageSource messages) {
        this.administration = administration;
        this.roles = roles;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("pageTitle", message("users.title"));
        model.addAttribute("users", administration.list());
        model.addAttribute("roles", roles.list());
        return "identity/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(name = "roles", required = false) List<String> roleNames, Model model) {
        try {
            var created = administration.create(
                    new UserAdministration.NewUser(username, displayName, roleNames == null ? List.of() : roleNames, null), null);
            model.addAttribute("created", created.user());
            model.addAttribute("oneTimePassword", created.oneTimePassword());
            model.addAttribute("flash", message("users.created", created.user().username()));
        } catch (IdentityProblem problem) {
            model.addAttribute("flashError", message(problem.messageKey(), problem.arguments()));
            model.addAttribute("typedUsername", username);
            model.addAttribute("typedDisplayName", displayName);
        }
        return list(model);
    }

    @GetMapping("/admin/users/{username}")
    String edit(@PathVariable String username, Model model) {
        var user = administration.view(username);
        model.addAttribute("pageTitle", message("users.edit.title", user.username()));
        model.addAttribute("user", user);
        model.addAttribute("roles", roles.list());
        return "identity/user";
    }

    @PostMapping("/admin/users/{username}")
    String update(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(name = "roles", required = false) List<String> roleNames, RedirectAttributes redirect) {
        return act(username, redirect, "users.saved",
                name -> administration.update(name, displayName, roleNames == null ? List.of() : roleNames));
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, redirect, "users.enabled", name -> administration.setEnabled(name, true));
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, redirect, "users.disabled", name -> administration.setEnabled(name, false));
    }

    @PostMapping("/admin/users/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, redirect, "users.unlocked", administration::unlock);
    }

    @PostMapping("/admin/users/{username}/reset-totp")
    String resetTotp(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, redirect, "users.totpReset", administration::resetTotp);
    }

    @PostMapping("/admin/users/{username}/sign-out")
    String signOut(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, redirect, "users.signedOut", administration::signOutEverywhere);
    }

    @PostMapping("/admin/users/{username}/reset-password")
    String resetPassword(@PathVariable String username, Model model, RedirectAttributes redirect) {
        UserAdministration.PasswordReset reset;
        try {
            reset = administration.resetPassword(username);
        } catch (IdentityProblem problem) {
            if (problem.status().value() == 404) throw problem;
            redirect.addFlashAttribute("flashError", message(problem.messageKey(), problem.arguments()));
            return "redirect:/admin/users/{username}";
        }
        model.addAttribute("oneTimePassword", reset.oneTimePassword());
        model.addAttribute("flash", message("users.passwordReset", username, reset.tokensRevoked()));
        return edit(username, model);
    }

    private String act(String username, RedirectAttributes redirect, String successKey, Consumer<String> action) {
        try {
            action.accept(username);
            redirect.addFlashAttribute("flash", message(successKey, username));
        } catch (IdentityProblem problem) {
            if (problem.status().value() == 404) throw problem;
            redirect.addFlashAttribute("flashError", message(problem.messageKey(), problem.arguments()));
        }
        return "redirect:/admin/users/{username}";
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
