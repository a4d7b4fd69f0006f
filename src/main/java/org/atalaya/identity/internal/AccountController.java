package org.atalaya.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.identity.IdentityProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own account page: profile, password, two-factor sign-in, other sessions, personal API tokens. */
@Controller
@RequiresPermission(Permission.OWN_ACCOUNT)
class AccountController {

    private static final String BACK = "redirect:/account";

    private final AccountService account;
    private final ApiTokens tokens;
    private final TotpSecrets secrets;
    private final IdentityProperties properties;
    private final MessageSource messages;
    private final UserStore users;
    private final Clock clock;

    AccountController(AccountService account, ApiTokens tokens, TotpSecrets secrets, IdentityProperties properties,
                      MessageSource messages, UserStore users, Clock clock) {
        this.account = account;
        this.tokens = tokens;
        this.secrets = secrets;
        this.properties = properties;
        this.messages = messages;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/account")
    String page(HttpServletRequest request, Model model) {
        var me = AccountService.me();
        var user = account.account(me.userId());
        model.addAttribute("pageTitle", message("account.title"));
        model.addAttribute("me", UserView.of(user, users.roleNames(user.id()), clock.instant()));
        model.addAttribute("permissions", me.permissions());
        model.addAttribute("totpRequired", account.totpRequired(user.id()));
        model.addAttribute("otherSessions", account.otherSessions(me.username(), request.getSession().getId()));
        model.addAttribute("tokens", tokens.of(me.username()));
        model.addAttribute("minLength", properties.minPasswordLength());
        HttpSession session = request.getSession();
        if (!user.totpEnabled() && TotpEnrolment.enrolling(session)) {
            model.addAttribute("enrolment", TotpEnrolment.of(TotpEnrolment.pendingSecret(session, secrets, me.userId()),
                    properties.totpIssuer(), me.username()));
        }
        return "identity/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          @RequestParam(defaultValue = "") String confirmation,
                          HttpServletRequest request, RedirectAttributes redirect) {
        var me = AccountService.me();
        return attempt(redirect, "account.password.changed", () -> account.changePassword(me.userId(), currentPassword,
                newPassword, confirmation, request.getSession().getId(), request.getRemoteAddr()));
    }

    @PostMapping("/account/totp/start")
    String startTotp(HttpServletRequest request) {
        TotpEnrolment.pendingSecret(request.getSession(), secrets, AccountService.me().userId());
        return BACK + "#two-factor";
    }

    @PostMapping("/account/totp/cancel")
    String cancelTotp(HttpServletRequest request) {
        TotpEnrolment.finish(request.getSession());
        return BACK + "#two-factor";
    }

    @PostMapping("/account/totp/confirm")
    String confirmTotp(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                       RedirectAttributes redirect) {
        var session = request.getSession();
        if (!TotpEnrolment.enrolling(session)) return BACK;
        long userId = AccountService.me().userId();
        if (account.enableTotp(userId, TotpEnrolment.pendingSecret(session, secrets, userId), code)) {
            TotpEnrolment.finish(session);
            redirect.addFlashAttribute("flash", message("account.totp.enabled"));
        } else {
            redirect.addFlashAttribute("flashError", message("totp.wrongCode"));
        }
        return BACK + "#two-factor";
    }

    @PostMapping("/account/totp/disable")
    String disableTotp(@RequestParam(defaultValue = "") String currentPassword, HttpServletRequest request,
                       RedirectAttributes redirect) {
        var me = AccountService.me();
        return attempt(redirect, "account.totp.disabled",
                () -> account.disableTotp(me.userId(), currentPassword, request.getRemoteAddr()));
    }

    @PostMapping("/account/sessions/end-others")
    String endOtherSessions(HttpServletRequest request, RedirectAttributes redirect) {
        int ended = account.signOutOthers(AccountService.me().username(), request.getSession().getId());
        redirect.addFlashAttribute("flash", message("account.sessions.ended", ended));
        return BACK;
    }

    /** Answers with the page itself rather than a redirect, so the token is never parked in the session store. */
    @PostMapping("/account/tokens")
    String createToken(@RequestParam(defaultValue = "") String label, HttpServletRequest request, Model model) {
        try {
            model.addAttribute("newToken", tokens.issue(AccountService.me().username(), label, null, "console"));
            model.addAttribute("flash", message("account.tokens.created"));
        } catch (IdentityProblem problem) {
            model.addAttribute("flashError", message(problem.messageKey(), problem.arguments()));
        }
        return page(request, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        return attempt(redirect, "account.tokens.revoked",
                () -> tokens.revoke(AccountService.me().username(), id, null, "console")) + "#tokens";
    }

    private String attempt(RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", message(successKey));
        } catch (IdentityProblem problem) {
            redirect.addFlashAttribute("flashError", message(problem.messageKey(), problem.arguments()));
        }
        return BACK;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
