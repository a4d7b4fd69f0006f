package org.atalaya.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.PublicEndpoint;
import org.atalaya.audit.AuditWriteFailedException;
import org.atalaya.identity.IdentityProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages: password, then as the account requires a second-factor code, a new password, or enrolment in
 * two-factor sign-in. Each later step only opens to a session that has reached it.
 */
@Controller
@PublicEndpoint(reason = "signing in comes before having a user; each later step checks the session has reached it")
class LoginController {

    private final SignInService signIn;
    private final SignInSessions sessions;
    private final TotpSecrets secrets;
    private final IdentityProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    LoginController(SignInService signIn, SignInSessions sessions, TotpSecrets secrets, IdentityProperties properties,
                    MessageSource messages, Clock clock) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.secrets = secrets;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/login")
    String loginPage(@RequestParam(required = false) String signedOut, @RequestParam(required = false) String expired,
                     Model model) {
        if (CurrentUser.get().isPresent()) return "redirect:/";
        if (signedOut != null) model.addAttribute("notice", message("login.signedOut"));
        if (expired != null) model.addAttribute("notice", message("login.expired"));
        return "identity/login";
    }

    @PostMapping("/login")
    String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("username", username);
        try {
            return switch (signIn.password(username, password, request.getRemoteAddr())) {
                case SignInService.Proceed proceed -> {
                    sessions.begin(proceed.user(), proceed.next(), request, response);
                    yield "redirect:" + proceed.next().page;
                }
                case SignInService.Outcome refusal -> refused(refusal, "identity/login", response, model);
            };
        } catch (AuditWriteFailedException e) {
            return auditUnavailable("identity/login", response, model);
        }
    }

    @GetMapping("/login/totp")
    String secondFactorPage() {
        return SignInSessions.pendingAt(SignInStep.SECOND_FACTOR).isPresent() ? "identity/login-totp" : "redirect:/login";
    }

    @PostMapping("/login/totp")
    String secondFactor(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        var pending = SignInSessions.pendingAt(SignInStep.SECOND_FACTOR);
        if (pending.isEmpty()) return "redirect:/login";
        try {
            return switch (signIn.secondFactor(pending.get().userId(), code, request.getRemoteAddr())) {
                case SignInService.Proceed proceed -> {
                    sessions.advance(pending.get(), proceed.next(), request, response);
                    yield "redirect:" + proceed.next().page;
                }
                case SignInService.Locked locked -> {
                    sessions.abandon(request);
                    yield refused(locked, "identity/login", response, model);
                }
                case SignInService.Outcome refusal -> refused(refusal, "identity/login-totp", response, model);
            };
        } catch (AuditWriteFailedException e) {
            return auditUnavailable("identity/login-totp", response, model);
        }
    }

    @GetMapping("/login/password")
    String passwordChangePage(Model model) {
        if (SignInSessions.pendingAt(SignInStep.PASSWORD_CHANGE).isEmpty()) return "redirect:/login";
        model.addAttribute("minLength", properties.minPasswordLength());
        return "identity/login-password";
    }

    @PostMapping("/login/password")
    String changePassword(@RequestParam(defaultValue = "") String newPassword,
                          @RequestParam(defaultValue = "") String confirmation,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        var pending = SignInSessions.pendingAt(SignInStep.PASSWORD_CHANGE);
        if (pending.isEmpty()) return "redirect:/login";
        model.addAttribute("minLength", properties.minPasswordLength());
        try {
            SignInStep next = signIn.forcedPasswordChange(pending.get().userId(), newPassword, confirmation);
            sessions.advance(pending.get(), next, request, response);
            return "redirect:" + next.page;
        } catch (IdentityProblem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("error", message(problem.messageKey(), problem.arguments()));
            return "identity/login-password";
        } catch (AuditWriteFailedException e) {
            return auditUnavailable("identity/login-password", response, model);
        }
    }

    @GetMapping("/login/enrol")
    String enrolmentPage(HttpServletRequest request, Model model) {
        var pending = SignInSessions.pendingAt(SignInStep.TOTP_ENROLMENT);
        if (pending.isEmpty()) return "redirect:/login";
        addEnrolment(pending.get(), request, model);
        return "identity/login-enrol";
    }

    @PostMapping("/login/enrol")
    String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        var pending = SignInSessions.pendingAt(SignInStep.TOTP_ENROLMENT);
        if (pending.isEmpty()) return "redirect:/login";
        var session = request.getSession();
        long userId = pending.get().userId();
        try {
            if (signIn.enrolDuringSignIn(userId, TotpEnrolment.pendingSecret(session, secrets, userId), code)) {
                TotpEnrolment.finish(session);
                sessions.advance(pending.get(), SignInStep.COMPLETE, request, response);
                return "redirect:/";
            }
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("error", message("totp.wrongCode"));
        } catch (AuditWriteFailedException e) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("error", message("login.auditUnavailable"));
        }
        addEnrolment(pending.get(), request, model);
        return "identity/login-enrol";
    }

    private void addEnrolment(SessionSignIn pending, HttpServletRequest request, Model model) {
        byte[] secret = TotpEnrolment.pendingSecret(request.getSession(), secrets, pending.userId());
        model.addAttribute("enrolment", TotpEnrolment.of(secret, properties.totpIssuer(), pending.getName()));
    }

    private String refused(SignInService.Outcome refusal, String page, HttpServletResponse response, Model model) {
        switch (refusal) {
            case SignInService.Refused refused -> {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                model.addAttribute("error", message(refused.messageKey()));
            }
            case SignInService.Locked locked -> {
                response.setStatus(HttpStatus.LOCKED.value());
                var wait = Duration.between(clock.instant(), locked.until());
                model.addAttribute("error", message("login.locked", SignInService.wholeMinutes(wait)));
            }
            case SignInService.Throttled throttled -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
                model.addAttribute("error", message("login.throttled", SignInService.wholeMinutes(throttled.retryAfter())));
            }
            case SignInService.Proceed proceed -> throw new IllegalArgumentException("not a refusal");
        }
        return page;
    }

    private String auditUnavailable(String page, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("error", message("login.auditUnavailable"));
        return page;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
