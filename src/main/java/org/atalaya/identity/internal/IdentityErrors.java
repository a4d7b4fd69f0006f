package org.atalaya.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.atalaya.access.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals as people see them: the console's "not allowed" page for pages, a problem detail for the API. Ordered
 * first so that a general exception handler elsewhere does not swallow them.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityErrors {

    private final MessageSource messages;

    IdentityErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(PermissionDenied.class)
    Object permissionDenied(PermissionDenied denied, HttpServletRequest request) {
        return answer(request, HttpStatus.FORBIDDEN, denied.needed() == null ? "problem.undeclared" : "problem.forbidden");
    }

    @ExceptionHandler(IdentityProblem.class)
    Object identityProblem(IdentityProblem problem, HttpServletRequest request) {
        return answer(request, problem.status(), problem.messageKey(), problem.arguments());
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String messageKey, Object... arguments) {
        String detail = messages.getMessage(messageKey, arguments, LocaleContextHolder.getLocale());
        if (ProblemResponses.wantsJson(request)) {
            var problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(status).body(problem);
        }
        var page = new ModelAndView("identity/denied", status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        page.addObject("signedInUser", CurrentUser.get().orElse(null));
        return page;
    }
}
